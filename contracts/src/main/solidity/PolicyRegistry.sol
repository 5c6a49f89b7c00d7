// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrModule.sol";
import "./AssetRegistry.sol";

/// @title Cross-border rules: each region's negative list and per-corridor white lists, and
/// the decision table that applies them.
/// @notice Decision table (the origin region's rules decide; first matching step wins):
///   1. destination = origin region           -> ALLOWED          (REASON_SAME_REGION)
///   2. classification CORE                   -> FORBIDDEN        (REASON_CORE)
///   3. classification IMPORTANT              -> NEEDS_APPROVAL   (REASON_IMPORTANT)
///   4. category PERSONAL                     -> NEEDS_APPROVAL   (REASON_PERSONAL),
///      or ALLOWED if the recipient is white-listed on the corridor (REASON_PERSONAL_WHITELISTED)
///   5. sector on the origin's negative list  -> NEEDS_APPROVAL   (REASON_NEGATIVE_LIST),
///      or ALLOWED if white-listed (REASON_NEGATIVE_LIST_WHITELISTED)
///   6. otherwise                             -> ALLOWED          (REASON_DEFAULT_ALLOWED)
contract PolicyRegistry is DrrModule {
  struct WhitelistEntry {
    address recipient;
    bytes32 contractHash;
    address addedBy;
    uint64 addedAt;
  }

  event NegativeSectorAdded(uint8 indexed region, bytes32 indexed sector, address indexed by);
  event NegativeSectorRemoved(uint8 indexed region, bytes32 indexed sector, address indexed by);
  event WhitelistAdded(
    uint8 indexed fromRegion,
    uint8 indexed toRegion,
    address indexed recipient,
    bytes32 contractHash,
    address by
  );
  event WhitelistRemoved(
    uint8 indexed fromRegion, uint8 indexed toRegion, address indexed recipient, address by
  );

  mapping(uint8 => bytes32[]) private negativeSectors;
  // 1-based position in negativeSectors; 0 = not listed.
  mapping(uint8 => mapping(bytes32 => uint256)) private negativePosition;
  mapping(uint8 => mapping(uint8 => WhitelistEntry[])) private whitelists;
  // 1-based position in whitelists; 0 = not listed.
  mapping(uint8 => mapping(uint8 => mapping(address => uint256))) private whitelistPosition;

  constructor(address directory_) DrrModule(directory_) {}

  // ------------------------------------------------------------------------ negative list

  /// Adds a sector code to `region`'s negative list. Caller: active AUTHORITY of `region`.
  function addNegativeSector(uint8 region, bytes32 sector) external {
    _authorize(region);
    if (sector == bytes32(0)) revert MissingField("sector");
    if (negativePosition[region][sector] != 0) revert SectorAlreadyListed(region, sector);
    negativeSectors[region].push(sector);
    negativePosition[region][sector] = negativeSectors[region].length;
    emit NegativeSectorAdded(region, sector, msg.sender);
  }

  /// Removes a sector code from `region`'s negative list. Caller: active AUTHORITY of `region`.
  function removeNegativeSector(uint8 region, bytes32 sector) external {
    _authorize(region);
    uint256 position = negativePosition[region][sector];
    if (position == 0) revert SectorNotListed(region, sector);
    bytes32[] storage list = negativeSectors[region];
    bytes32 last = list[list.length - 1];
    list[position - 1] = last;
    negativePosition[region][last] = position;
    list.pop();
    delete negativePosition[region][sector];
    emit NegativeSectorRemoved(region, sector, msg.sender);
  }

  // ------------------------------------------------------------------------ white list

  /// White-lists `recipient` on corridor fromRegion -> toRegion with the hash of its standard
  /// contract. Caller: active AUTHORITY of `fromRegion` (the origin region's rules apply).
  function addToWhitelist(uint8 fromRegion, uint8 toRegion, address recipient, bytes32 contractHash)
    external
  {
    _corridor(fromRegion, toRegion);
    if (recipient == address(0)) revert MissingField("recipient");
    if (contractHash == bytes32(0)) revert MissingField("contractHash");
    if (whitelistPosition[fromRegion][toRegion][recipient] != 0) {
      revert AlreadyWhitelisted(fromRegion, toRegion, recipient);
    }
    WhitelistEntry[] storage list = whitelists[fromRegion][toRegion];
    list.push(WhitelistEntry(recipient, contractHash, msg.sender, _now()));
    whitelistPosition[fromRegion][toRegion][recipient] = list.length;
    emit WhitelistAdded(fromRegion, toRegion, recipient, contractHash, msg.sender);
  }

  /// Removes `recipient` from corridor fromRegion -> toRegion. Caller: AUTHORITY of fromRegion.
  function removeFromWhitelist(uint8 fromRegion, uint8 toRegion, address recipient) external {
    _corridor(fromRegion, toRegion);
    uint256 position = whitelistPosition[fromRegion][toRegion][recipient];
    if (position == 0) revert NotWhitelisted(fromRegion, toRegion, recipient);
    WhitelistEntry[] storage list = whitelists[fromRegion][toRegion];
    WhitelistEntry memory last = list[list.length - 1];
    list[position - 1] = last;
    whitelistPosition[fromRegion][toRegion][last.recipient] = position;
    list.pop();
    delete whitelistPosition[fromRegion][toRegion][recipient];
    emit WhitelistRemoved(fromRegion, toRegion, recipient, msg.sender);
  }

  // ------------------------------------------------------------------------ decisions

  /// The decision table for moving `assetId` to `recipient` in `toRegion`.
  /// @return decision DECISION_ALLOWED / NEEDS_APPROVAL / FORBIDDEN
  /// @return reason   REASON_* code: the step of the table that decided
  function decide(uint256 assetId, address recipient, uint8 toRegion)
    external
    view
    returns (uint8 decision, uint8 reason)
  {
    (uint8 origin, uint8 category, uint8 classification, bytes32 sector) =
      _assets().flowProfileOf(assetId);
    return decideProfile(origin, category, classification, sector, recipient, toRegion);
  }

  /// The decision table for data of the given profile, before or without a registration.
  function decideProfile(
    uint8 originRegion,
    uint8 category,
    uint8 classification,
    bytes32 sector,
    address recipient,
    uint8 toRegion
  ) public view returns (uint8 decision, uint8 reason) {
    checkRegion(originRegion);
    checkRegion(toRegion);
    if (category >= CATEGORY_COUNT) revert InvalidCategory(category);
    if (classification >= CLASS_COUNT) revert InvalidClassification(classification);
    if (toRegion == originRegion) return (DECISION_ALLOWED, REASON_SAME_REGION);
    if (classification == CLASS_CORE) return (DECISION_FORBIDDEN, REASON_CORE);
    if (classification == CLASS_IMPORTANT) return (DECISION_NEEDS_APPROVAL, REASON_IMPORTANT);
    bool listed = whitelistPosition[originRegion][toRegion][recipient] != 0;
    if (category == CATEGORY_PERSONAL) {
      return listed
        ? (DECISION_ALLOWED, REASON_PERSONAL_WHITELISTED)
        : (DECISION_NEEDS_APPROVAL, REASON_PERSONAL);
    }
    if (negativePosition[originRegion][sector] != 0) {
      return listed
        ? (DECISION_ALLOWED, REASON_NEGATIVE_LIST_WHITELISTED)
        : (DECISION_NEEDS_APPROVAL, REASON_NEGATIVE_LIST);
    }
    return (DECISION_ALLOWED, REASON_DEFAULT_ALLOWED);
  }

  // ------------------------------------------------------------------------ views

  function isNegativeSector(uint8 region, bytes32 sector) external view returns (bool) {
    return negativePosition[region][sector] != 0;
  }

  function negativeSectorCount(uint8 region) external view returns (uint256) {
    return negativeSectors[region].length;
  }

  function negativeSectorAt(uint8 region, uint256 index) external view returns (bytes32) {
    return negativeSectors[region][index];
  }

  function isWhitelisted(uint8 fromRegion, uint8 toRegion, address recipient)
    external
    view
    returns (bool)
  {
    return whitelistPosition[fromRegion][toRegion][recipient] != 0;
  }

  function whitelistCount(uint8 fromRegion, uint8 toRegion) external view returns (uint256) {
    return whitelists[fromRegion][toRegion].length;
  }

  function whitelistAt(uint8 fromRegion, uint8 toRegion, uint256 index)
    external
    view
    returns (WhitelistEntry memory)
  {
    return whitelists[fromRegion][toRegion][index];
  }

  // ------------------------------------------------------------------------ internals

  function _authorize(uint8 region) private view {
    checkRegion(region);
    _participants().requireAuthority(msg.sender, region);
  }

  function _corridor(uint8 fromRegion, uint8 toRegion) private view {
    checkRegion(toRegion);
    _authorize(fromRegion);
    if (fromRegion == toRegion) revert InvalidCorridor(fromRegion, toRegion);
  }

  function _assets() private view returns (AssetRegistry) {
    return AssetRegistry(directory.assets());
  }
}
