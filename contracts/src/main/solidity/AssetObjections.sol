// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./AssetRecords.sol";

/// @title Objections (异议) to registrations: filing, the holder's response, withdrawal, and
/// resolution by a ruling. An open objection blocks transfers of the asset.
abstract contract AssetObjections is AssetRecords {
  struct Objection {
    uint256 id;
    uint256 assetId;
    address objector;
    bytes32 groundsHash;
    bytes32 responseHash;
    uint8 status;
    uint64 filedAt;
    uint64 closedAt;
    address closedBy;
    uint256 caseId;
  }

  event ObjectionFiled(
    uint256 indexed assetId,
    uint256 indexed objectionId,
    address indexed objector,
    bytes32 groundsHash
  );
  event ObjectionResponded(
    uint256 indexed assetId,
    uint256 indexed objectionId,
    bytes32 responseHash,
    bool registrationWithdrawn
  );
  event ObjectionClosed(
    uint256 indexed assetId, uint256 indexed objectionId, uint8 status, address by, uint256 caseId
  );

  uint256 private objectionTotal;
  mapping(uint256 => Objection) private objections;
  mapping(uint256 => uint256) internal openObjections;
  mapping(uint256 => uint256[]) private objectionsOfAsset;

  constructor(address directory_) AssetRecords(directory_) {}

  /// A third party (active, not the holder) contests a registration. One objection may be
  /// open per asset; while it is open the asset cannot be transferred.
  function fileObjection(uint256 assetId, bytes32 groundsHash)
    external
    returns (uint256 objectionId)
  {
    _requireActive(msg.sender);
    Record storage r = _record(assetId);
    if (r.status == ASSET_CANCELLED) revert AssetCancelled(assetId);
    if (r.holder == msg.sender) revert HolderCannotObject(assetId, msg.sender);
    if (groundsHash == bytes32(0)) revert MissingField("groundsHash");
    uint256 open = openObjections[assetId];
    if (open != 0) revert OpenObjection(assetId, open);
    objectionId = ++objectionTotal;
    Objection storage o = objections[objectionId];
    o.id = objectionId;
    o.assetId = assetId;
    o.objector = msg.sender;
    o.groundsHash = groundsHash;
    o.status = OBJECTION_OPEN;
    o.filedAt = _now();
    openObjections[assetId] = objectionId;
    objectionsOfAsset[assetId].push(objectionId);
    emit ObjectionFiled(assetId, objectionId, msg.sender, groundsHash);
  }

  /// The holder answers an open objection. With withdrawRegistration the registration is
  /// cancelled and the objection closed; otherwise the response is recorded and the objection
  /// stays open until the objector withdraws it or a court rules.
  function respondToObjection(uint256 objectionId, bytes32 responseHash, bool withdrawRegistration)
    external
  {
    Objection storage o = _openObjection(objectionId);
    uint256 assetId = o.assetId;
    Record storage r = _holderRecord(assetId, msg.sender);
    if (responseHash == bytes32(0)) revert MissingField("responseHash");
    o.responseHash = responseHash;
    emit ObjectionResponded(assetId, objectionId, responseHash, withdrawRegistration);
    if (withdrawRegistration) {
      if (r.frozen) revert AssetFrozen(assetId);
      r.status = ASSET_CANCELLED;
      emit RegistrationCancelled(assetId, msg.sender, responseHash);
      _closeObjection(o, OBJECTION_REGISTRATION_WITHDRAWN, 0, msg.sender);
    }
  }

  /// The objector withdraws its open objection.
  function withdrawObjection(uint256 objectionId) external {
    Objection storage o = _openObjection(objectionId);
    if (o.objector != msg.sender) revert NotObjector(objectionId, msg.sender);
    _closeObjection(o, OBJECTION_WITHDRAWN, 0, msg.sender);
  }

  /// Resolves the asset's open objection by a ruling. Caller: DisputeManager.
  function resolveObjectionByRuling(uint256 assetId, uint8 outcome, uint256 caseId, address court)
    external
    onlyModule(directory.disputes())
    returns (uint256 objectionId)
  {
    _record(assetId);
    objectionId = openObjections[assetId];
    if (objectionId == 0) revert NoOpenObjection(assetId);
    uint8 status;
    if (outcome == OUTCOME_DISMISS) status = OBJECTION_DISMISSED;
    else if (outcome == OUTCOME_UPHOLD) status = OBJECTION_UPHELD;
    else revert InvalidObjectionOutcome(outcome);
    _closeObjection(objections[objectionId], status, caseId, court);
  }

  function objectionCount() external view returns (uint256) {
    return objectionTotal;
  }

  function objectionOf(uint256 objectionId) external view returns (Objection memory) {
    Objection storage o = objections[objectionId];
    if (o.id == 0) revert UnknownObjection(objectionId);
    return o;
  }

  function objectionsOfAssetCount(uint256 assetId) external view returns (uint256) {
    return objectionsOfAsset[assetId].length;
  }

  function objectionOfAssetAt(uint256 assetId, uint256 index) external view returns (uint256) {
    return objectionsOfAsset[assetId][index];
  }

  function _openObjection(uint256 objectionId) private view returns (Objection storage o) {
    o = objections[objectionId];
    if (o.id == 0) revert UnknownObjection(objectionId);
    if (o.status != OBJECTION_OPEN) revert ObjectionNotOpen(objectionId, o.status);
  }

  function _closeObjection(Objection storage o, uint8 status, uint256 caseId, address by) private {
    o.status = status;
    o.closedAt = _now();
    o.closedBy = by;
    o.caseId = caseId;
    delete openObjections[o.assetId];
    emit ObjectionClosed(o.assetId, o.id, status, by, caseId);
  }
}
