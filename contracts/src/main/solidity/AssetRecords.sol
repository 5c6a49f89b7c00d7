// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrModule.sol";

/// @title Storage of asset registrations, shared by AssetRegistry and its objection book.
abstract contract AssetRecords is DrrModule {
  /// Storage layout of an asset, packed so a registration writes as few slots as possible.
  struct Record {
    bytes32 fingerprint;
    bytes32 metadataHash;
    address holder;
    uint64 registeredAt;
    uint8 originRegion;
    uint8 category;
    uint8 classification;
    uint8 status;
    address registrant;
    uint32 version;
    uint32 holderIndex;
    bool frozen;
    bytes32 sector;
    string title;
    string scenario;
  }

  event RegistrationCancelled(uint256 indexed assetId, address indexed by, bytes32 reasonHash);

  uint256 internal assetTotal;
  mapping(uint256 => Record) internal records;

  constructor(address directory_) DrrModule(directory_) {}

  /// The record of an existing asset; reverts UnknownAsset.
  function _record(uint256 assetId) internal view returns (Record storage r) {
    r = records[assetId];
    if (r.status == 0) revert UnknownAsset(assetId);
  }

  /// The record of an asset `who` holds and may act on (NotHolder, NotActiveParticipant).
  function _holderRecord(uint256 assetId, address who) internal view returns (Record storage r) {
    r = _record(assetId);
    if (r.holder != who) revert NotHolder(assetId, who);
    _requireActive(who);
  }

  /// Reverts unless the asset is neither cancelled nor frozen.
  function _requireOpen(uint256 assetId, Record storage r) internal view {
    if (r.status == ASSET_CANCELLED) revert AssetCancelled(assetId);
    if (r.frozen) revert AssetFrozen(assetId);
  }
}
