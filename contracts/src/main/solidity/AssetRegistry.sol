// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./AssetObjections.sol";
import "./RightsRegistry.sol";

/// @title Data-property registrations: assets, their metadata versions and lineage; objections
/// come from AssetObjections, the shared record storage from AssetRecords.
/// @notice Only hashes and short public metadata are stored; the data itself never is.
/// The holder (HOLD right) changes only through TransferManager (accepted transfer) or
/// DisputeManager (ruling), which call moveHolding().
contract AssetRegistry is AssetObjections {
  /// One registration as clients see it.
  struct Asset {
    uint256 id;
    bytes32 fingerprint;
    bytes32 metadataHash;
    uint32 version;
    address holder;
    address registrant;
    uint8 originRegion;
    uint8 category;
    uint8 classification;
    bytes32 sector;
    uint8 status;
    bool frozen;
    uint64 registeredAt;
    uint256 openObjectionId;
    string title;
    string scenario;
  }

  struct MetadataVersion {
    bytes32 metadataHash;
    uint64 changedAt;
    address changedBy;
    bytes32 reasonHash;
  }

  event AssetRegistered(
    uint256 indexed assetId,
    bytes32 indexed fingerprint,
    address indexed registrant,
    uint8 originRegion,
    uint8 category,
    uint8 classification,
    bytes32 sector,
    bytes32 metadataHash,
    string title,
    string scenario
  );
  event DerivedFrom(uint256 indexed assetId, uint256 indexed parentAssetId);
  event MetadataChanged(
    uint256 indexed assetId,
    uint32 version,
    bytes32 metadataHash,
    bytes32 reasonHash,
    address indexed by
  );
  event HoldingMoved(
    uint256 indexed assetId, address indexed from, address indexed to, uint8 via, uint256 refId
  );
  event FreezeChanged(uint256 indexed assetId, uint256 indexed caseId, bool frozen);

  mapping(uint256 => uint256[]) private parents;
  mapping(uint256 => uint256[]) private derived;
  mapping(uint256 => MetadataVersion[]) private versions;
  mapping(address => uint256[]) private holdings;
  mapping(bytes32 => uint256[]) private registrations;

  constructor(address directory_) AssetObjections(directory_) {}

  // ------------------------------------------------------------------------ registration

  /// First registration of a data asset held by the caller (an active participant); its
  /// origin region is the caller's home region. A derived product names its parents; the
  /// caller must hold each parent or have a valid USE right on it in its home region now,
  /// and the product's classification may not be below any parent's.
  /// @return assetId the new asset's id (ids start at 1, in registration order).
  function register(
    bytes32 fingerprint,
    bytes32 metadataHash,
    string calldata title,
    string calldata scenario,
    uint8 category,
    uint8 classification,
    bytes32 sector,
    uint256[] calldata parentIds
  ) external returns (uint256 assetId) {
    (uint8 region,) = _requireActive(msg.sender);
    _checkProfile(fingerprint, metadataHash, title, scenario, category, classification, sector);
    _checkNotHeld(fingerprint);
    assetId = ++assetTotal;
    if (parentIds.length != 0) _linkParents(assetId, parentIds, region, classification);
    Record storage r = _store(assetId, fingerprint, metadataHash, region, category, classification);
    r.sector = sector;
    r.title = title;
    r.scenario = scenario;
    _emitRegistered(assetId, r);
  }

  /// Change registration: a new metadata version; earlier versions stay readable.
  /// Caller: the holder. Not on a cancelled or frozen asset.
  function changeMetadata(uint256 assetId, bytes32 metadataHash, bytes32 reasonHash) external {
    Record storage r = _holderRecord(assetId, msg.sender);
    _requireOpen(assetId, r);
    if (metadataHash == bytes32(0)) revert MissingField("metadataHash");
    MetadataVersion[] storage history = versions[assetId];
    if (history.length == 0) {
      history.push(MetadataVersion(r.metadataHash, r.registeredAt, r.registrant, bytes32(0)));
    }
    history.push(MetadataVersion(metadataHash, _now(), msg.sender, reasonHash));
    r.metadataHash = metadataHash;
    r.version += 1;
    emit MetadataChanged(assetId, r.version, metadataHash, reasonHash, msg.sender);
  }

  /// Cancellation by the holder. Not while frozen or while an objection is open (answer it
  /// with respondToObjection(..., true) instead, which cancels and closes the objection).
  function cancel(uint256 assetId, bytes32 reasonHash) external {
    Record storage r = _holderRecord(assetId, msg.sender);
    _requireOpen(assetId, r);
    uint256 objectionId = openObjections[assetId];
    if (objectionId != 0) revert OpenObjection(assetId, objectionId);
    r.status = ASSET_CANCELLED;
    emit RegistrationCancelled(assetId, msg.sender, reasonHash);
  }

  // ------------------------------------------------------------------------ module calls

  /// Moves HOLD to `to`. Caller: TransferManager (after acceptance) or DisputeManager (ruling).
  function moveHolding(uint256 assetId, address to, uint8 via, uint256 refId) external {
    if (msg.sender != directory.transfers() && msg.sender != directory.disputes()) {
      revert NotModule(msg.sender);
    }
    Record storage r = _record(assetId);
    address from = r.holder;
    uint256[] storage fromList = holdings[from];
    uint256 index = r.holderIndex;
    uint256 last = fromList[fromList.length - 1];
    fromList[index] = last;
    records[last].holderIndex = uint32(index);
    fromList.pop();
    r.holderIndex = uint32(holdings[to].length);
    holdings[to].push(assetId);
    r.holder = to;
    emit HoldingMoved(assetId, from, to, via, refId);
  }

  /// Freezes or unfreezes. Caller: DisputeManager (a court's order in case `caseId`).
  function setFrozen(uint256 assetId, bool frozen, uint256 caseId)
    external
    onlyModule(directory.disputes())
  {
    Record storage r = _record(assetId);
    if (frozen && r.frozen) revert AssetFrozen(assetId);
    if (!frozen && !r.frozen) revert AssetNotFrozen(assetId);
    r.frozen = frozen;
    emit FreezeChanged(assetId, caseId, frozen);
  }

  // ------------------------------------------------------------------------ views

  function assetCount() external view returns (uint256) {
    return assetTotal;
  }

  /// The full registration; reverts UnknownAsset.
  function assetOf(uint256 assetId) external view returns (Asset memory a) {
    Record storage r = _record(assetId);
    a.id = assetId;
    a.fingerprint = r.fingerprint;
    a.metadataHash = r.metadataHash;
    a.version = r.version;
    a.holder = r.holder;
    a.registrant = r.registrant;
    a.originRegion = r.originRegion;
    a.category = r.category;
    a.classification = r.classification;
    a.sector = r.sector;
    a.status = r.status;
    a.frozen = r.frozen;
    a.registeredAt = r.registeredAt;
    a.openObjectionId = openObjections[assetId];
    a.title = r.title;
    a.scenario = r.scenario;
  }

  /// What other modules check before acting on an asset; reverts UnknownAsset.
  function gateOf(uint256 assetId)
    external
    view
    returns (address holder, uint8 originRegion, uint8 status, bool frozen, uint256 openObjectionId)
  {
    Record storage r = _record(assetId);
    return (r.holder, r.originRegion, r.status, r.frozen, openObjections[assetId]);
  }

  /// The inputs of the cross-border decision table; reverts UnknownAsset.
  function flowProfileOf(uint256 assetId)
    external
    view
    returns (uint8 originRegion, uint8 category, uint8 classification, bytes32 sector)
  {
    Record storage r = _record(assetId);
    return (r.originRegion, r.category, r.classification, r.sector);
  }

  function holdingCount(address holder) external view returns (uint256) {
    return holdings[holder].length;
  }

  /// The index-th asset currently held by `holder` (order changes when holdings move).
  function holdingAt(address holder, uint256 index) external view returns (uint256) {
    return holdings[holder][index];
  }

  /// How many registrations of `fingerprint` exist (cancelled ones included).
  function registrationCount(bytes32 fingerprint) external view returns (uint256) {
    return registrations[fingerprint].length;
  }

  /// The index-th registration of `fingerprint`, in registration (priority) order.
  function registrationAt(bytes32 fingerprint, uint256 index) external view returns (uint256) {
    return registrations[fingerprint][index];
  }

  function parentsOf(uint256 assetId) external view returns (uint256[] memory) {
    _record(assetId);
    return parents[assetId];
  }

  function derivedCount(uint256 assetId) external view returns (uint256) {
    return derived[assetId].length;
  }

  function derivedAt(uint256 assetId, uint256 index) external view returns (uint256) {
    return derived[assetId][index];
  }

  /// Number of metadata versions (1 until the first change).
  function metadataVersionCount(uint256 assetId) external view returns (uint256) {
    _record(assetId);
    uint256 n = versions[assetId].length;
    return n == 0 ? 1 : n;
  }

  /// Version `version` (0 = as registered).
  function metadataVersionAt(uint256 assetId, uint256 version)
    external
    view
    returns (MetadataVersion memory)
  {
    Record storage r = _record(assetId);
    MetadataVersion[] storage history = versions[assetId];
    if (history.length == 0 && version == 0) {
      return MetadataVersion(r.metadataHash, r.registeredAt, r.registrant, bytes32(0));
    }
    return history[version];
  }

  // ------------------------------------------------------------------------ internals

  function _checkProfile(
    bytes32 fingerprint,
    bytes32 metadataHash,
    string calldata title,
    string calldata scenario,
    uint8 category,
    uint8 classification,
    bytes32 sector
  ) private pure {
    if (fingerprint == bytes32(0)) revert MissingField("fingerprint");
    if (metadataHash == bytes32(0)) revert MissingField("metadataHash");
    if (bytes(title).length == 0) revert MissingField("title");
    if (bytes(scenario).length == 0) revert MissingField("scenario");
    if (category >= CATEGORY_COUNT) revert InvalidCategory(category);
    if (classification >= CLASS_COUNT) revert InvalidClassification(classification);
    if (sector == bytes32(0)) revert MissingField("sector");
  }

  /// Reads the fingerprint's registrations instead of keeping a (holder, fingerprint) index:
  /// a fingerprint has few registrations, and the index would cost every registration a slot.
  function _checkNotHeld(bytes32 fingerprint) private view {
    uint256[] storage ids = registrations[fingerprint];
    for (uint256 i = 0; i < ids.length; i++) {
      Record storage old = records[ids[i]];
      if (old.holder == msg.sender && old.status == ASSET_ACTIVE) {
        revert DuplicateRegistration(fingerprint, msg.sender, ids[i]);
      }
    }
  }

  function _store(
    uint256 assetId,
    bytes32 fingerprint,
    bytes32 metadataHash,
    uint8 region,
    uint8 category,
    uint8 classification
  ) private returns (Record storage r) {
    r = records[assetId];
    r.fingerprint = fingerprint;
    r.metadataHash = metadataHash;
    r.holder = msg.sender;
    r.registeredAt = _now();
    r.originRegion = region;
    r.category = category;
    r.classification = classification;
    r.status = ASSET_ACTIVE;
    r.registrant = msg.sender;
    r.holderIndex = uint32(holdings[msg.sender].length);
    holdings[msg.sender].push(assetId);
    registrations[fingerprint].push(assetId);
  }

  function _emitRegistered(uint256 assetId, Record storage r) private {
    emit AssetRegistered(
      assetId, r.fingerprint, r.registrant, r.originRegion, r.category, r.classification,
      r.sector, r.metadataHash, r.title, r.scenario
    );
  }

  function _linkParents(
    uint256 assetId,
    uint256[] calldata parentIds,
    uint8 region,
    uint8 classification
  ) private {
    RightsRegistry rights = _rights();
    for (uint256 i = 0; i < parentIds.length; i++) {
      uint256 parentId = parentIds[i];
      Record storage p = _record(parentId);
      if (p.status == ASSET_CANCELLED) revert AssetCancelled(parentId);
      if (classification < p.classification) {
        revert ClassificationBelowParent(parentId, p.classification, classification);
      }
      if (p.holder != msg.sender) {
        (bool valid,,) = rights.checkRight(msg.sender, parentId, RIGHT_USE, region, _now());
        if (!valid) revert NoRightOnParent(parentId, msg.sender);
      }
      parents[assetId].push(parentId);
      derived[parentId].push(assetId);
      emit DerivedFrom(assetId, parentId);
    }
  }

  function _rights() private view returns (RightsRegistry) {
    return RightsRegistry(directory.rights());
  }
}
