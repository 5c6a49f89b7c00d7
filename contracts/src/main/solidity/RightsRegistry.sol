// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrModule.sol";
import "./AssetRegistry.sol";
import "./PolicyRegistry.sol";

/// @title USE and OPERATE grants and their authorization chains (授权链).
/// @notice A holder grants directly (depth 0); a grantee whose grant allows it sub-licenses
/// strictly inside its own scope. Validity is evaluated at view time by walking from a grant
/// up to the holder's grant, so revoking or expiring one link invalidates every grant below it
/// without touching them. Grants survive a transfer of HOLD; the new holder may revoke them.
contract RightsRegistry is DrrModule {
  /// The scope of a grant, as the grantor states it.
  struct GrantTerms {
    uint8 regions;
    uint64 validFrom;
    uint64 validUntil;
    bytes32 termsHash;
    uint128 basePrice;
    uint128 scenarioPremium;
    bool sublicensable;
    uint8 maxDepth;
  }

  struct Grant {
    uint256 id;
    uint256 assetId;
    uint256 parentId;
    address grantor;
    uint8 right;
    uint8 regions;
    uint64 validFrom;
    address grantee;
    uint64 validUntil;
    bool sublicensable;
    uint8 maxDepth;
    uint8 depth;
    uint8 status;
    bytes32 termsHash;
    uint128 basePrice;
    uint128 scenarioPremium;
    uint64 issuedAt;
    address approver;
    uint64 approvedAt;
    bytes32 approvalDoc;
    address revokedBy;
    uint64 revokedAt;
    uint256 revokedInCase;
    bytes32 revocationHash;
  }

  event GrantIssued(
    uint256 indexed assetId,
    uint256 indexed grantId,
    address indexed grantee,
    uint256 parentId,
    address grantor,
    uint8 right,
    uint8 regions,
    uint64 validFrom,
    uint64 validUntil,
    uint8 status
  );
  event GrantTermsRecorded(
    uint256 indexed assetId,
    uint256 indexed grantId,
    bytes32 termsHash,
    uint128 basePrice,
    uint128 scenarioPremium,
    bool sublicensable,
    uint8 maxDepth
  );
  event CrossBorderDecided(
    uint256 indexed assetId,
    uint8 subject,
    uint256 indexed subjectId,
    address indexed recipient,
    uint8 fromRegion,
    uint8 toRegion,
    uint8 decision,
    uint8 reason
  );
  event GrantApproved(
    uint256 indexed assetId, uint256 indexed grantId, address indexed approver, bytes32 documentHash
  );
  event GrantRejected(
    uint256 indexed assetId,
    uint256 indexed grantId,
    address indexed authority,
    bytes32 documentHash
  );
  event GrantRevoked(
    uint256 indexed assetId,
    uint256 indexed grantId,
    address indexed by,
    uint256 caseId,
    bytes32 reasonHash
  );

  uint8 private constant ANY_REGION = type(uint8).max;

  uint256 private grantTotal;
  mapping(uint256 => Grant) private grants;
  mapping(uint256 => uint256[]) private grantsOfAsset;
  mapping(uint256 => uint256[]) private children;
  mapping(uint256 => mapping(address => uint256[])) private grantsOfGrantee;

  constructor(address directory_) DrrModule(directory_) {}

  // ------------------------------------------------------------------------ issuing

  /// The holder grants USE or OPERATE on its asset. A grant usable outside the asset's origin
  /// region is a cross-border flow: forbidden flows revert, flows that need approval start
  /// PENDING_APPROVAL until an origin-region authority approves them.
  function issueGrant(uint256 assetId, address grantee, uint8 right, GrantTerms calldata terms)
    external
    returns (uint256 grantId)
  {
    _requireActive(msg.sender);
    (address holder, uint8 origin) = _requireGrantable(assetId);
    if (holder != msg.sender) revert NotHolder(assetId, msg.sender);
    if (right != RIGHT_USE && right != RIGHT_OPERATE) revert InvalidRight(right);
    _checkTerms(terms);
    grantId = _create(assetId, 0, grantee, right, 0, origin, terms);
  }

  /// The grantee of `parentId` sub-licenses the same right, strictly inside the parent's scope:
  /// regions a subset, window inside, maximum depth below the parent's.
  function sublicense(uint256 parentId, address grantee, GrantTerms calldata terms)
    external
    returns (uint256 grantId)
  {
    _requireActive(msg.sender);
    Grant storage p = _grant(parentId);
    if (p.grantee != msg.sender) revert NotGrantee(parentId, msg.sender);
    if (!p.sublicensable) revert NotSublicensable(parentId);
    uint64 at = _now() > p.validFrom ? _now() : p.validFrom;
    (bool valid, uint8 reason) = _chainReason(parentId, ANY_REGION, at);
    if (!valid) revert GrantNotValid(parentId, reason);
    (, uint8 origin) = _requireGrantable(p.assetId);
    _checkTerms(terms);
    if (terms.regions & p.regions != terms.regions) {
      revert RegionsOutsideParent(parentId, p.regions, terms.regions);
    }
    if (terms.validFrom < p.validFrom || terms.validUntil > p.validUntil) {
      revert WindowOutsideParent(
        parentId, p.validFrom, p.validUntil, terms.validFrom, terms.validUntil
      );
    }
    if (terms.maxDepth >= p.maxDepth) {
      revert DepthExceedsParent(parentId, p.maxDepth, terms.maxDepth);
    }
    grantId = _create(p.assetId, parentId, grantee, p.right, p.depth + 1, origin, terms);
    children[parentId].push(grantId);
  }

  /// An authority of the asset's origin region approves a pending cross-border grant.
  function approveGrant(uint256 grantId, bytes32 documentHash) external {
    Grant storage g = _pendingGrantForAuthority(grantId);
    _requireGrantable(g.assetId);
    if (documentHash == bytes32(0)) revert MissingField("documentHash");
    g.status = GRANT_ACTIVE;
    g.approver = msg.sender;
    g.approvedAt = _now();
    g.approvalDoc = documentHash;
    emit GrantApproved(g.assetId, grantId, msg.sender, documentHash);
  }

  /// An authority of the asset's origin region refuses a pending cross-border grant.
  function rejectGrant(uint256 grantId, bytes32 documentHash) external {
    Grant storage g = _pendingGrantForAuthority(grantId);
    if (documentHash == bytes32(0)) revert MissingField("documentHash");
    g.status = GRANT_REJECTED;
    g.approver = msg.sender;
    g.approvedAt = _now();
    g.approvalDoc = documentHash;
    emit GrantRejected(g.assetId, grantId, msg.sender, documentHash);
  }

  // ------------------------------------------------------------------------ revoking

  /// Revokes a pending or active grant. Caller: its grantor, or the asset's current holder.
  /// Grants below it become invalid at once (checked at view time).
  function revokeGrant(uint256 grantId, bytes32 reasonHash) external {
    _requireActive(msg.sender);
    Grant storage g = _grant(grantId);
    if (g.grantor != msg.sender) {
      (address holder,,,,) = _assets().gateOf(g.assetId);
      if (holder != msg.sender) revert NotRevoker(grantId, msg.sender);
    }
    _revoke(g, msg.sender, 0, reasonHash);
  }

  /// Revocation ordered by a court's ruling. Caller: DisputeManager.
  function revokeByRuling(uint256 grantId, uint256 assetId, uint256 caseId, address court)
    external
    onlyModule(directory.disputes())
  {
    Grant storage g = _grant(grantId);
    if (g.assetId != assetId) revert GrantNotOfAsset(grantId, assetId);
    _revoke(g, court, caseId, bytes32(0));
  }

  // ------------------------------------------------------------------------ views

  /// Does `who` hold `right` on `assetId` in `region` at `time`?
  /// HOLD: `who` is the current holder of an uncancelled asset (time and region do not matter;
  /// past holders come from HoldingMoved events). USE/OPERATE: some grant to `who` of that
  /// right is valid, i.e. it and every grant above it are active, their windows contain `time`
  /// (validFrom inclusive, validUntil exclusive) and their regions contain `region`.
  /// @return valid   the answer
  /// @return reason  VALIDITY_* code; for an invalid answer, the first failing link of the
  ///                 last grant examined (VALIDITY_NO_GRANT if `who` has none of that right)
  /// @return chain   grant ids from `who`'s grant up to the holder's grant (empty for HOLD)
  function checkRight(address who, uint256 assetId, uint8 right, uint8 region, uint64 time)
    external
    view
    returns (bool valid, uint8 reason, uint256[] memory chain)
  {
    if (right > RIGHT_OPERATE) revert InvalidRight(right);
    checkRegion(region);
    (address holder,, uint8 status,,) = _assets().gateOf(assetId);
    if (status == ASSET_CANCELLED) return (false, VALIDITY_ASSET_CANCELLED, chain);
    if (right == RIGHT_HOLD) {
      return holder == who ? (true, VALIDITY_VALID, chain) : (false, VALIDITY_NOT_HOLDER, chain);
    }
    uint256[] storage candidates = grantsOfGrantee[assetId][who];
    reason = VALIDITY_NO_GRANT;
    uint256 examined;
    for (uint256 i = 0; i < candidates.length; i++) {
      if (grants[candidates[i]].right != right) continue;
      examined = candidates[i];
      (valid, reason) = _chainReason(examined, region, time);
      if (valid) break;
    }
    if (examined != 0) chain = _chain(examined);
  }

  /// Validity of one grant (and its chain) in `region` at `time`; see checkRight.
  function checkGrant(uint256 grantId, uint8 region, uint64 time)
    external
    view
    returns (bool valid, uint8 reason, uint256[] memory chain)
  {
    checkRegion(region);
    Grant storage g = _grant(grantId);
    (,, uint8 status,,) = _assets().gateOf(g.assetId);
    chain = _chain(grantId);
    if (status == ASSET_CANCELLED) return (false, VALIDITY_ASSET_CANCELLED, chain);
    (valid, reason) = _chainReason(grantId, region, time);
  }

  function grantOf(uint256 grantId) external view returns (Grant memory) {
    return _grant(grantId);
  }

  function grantCount() external view returns (uint256) {
    return grantTotal;
  }

  function grantsOfAssetCount(uint256 assetId) external view returns (uint256) {
    return grantsOfAsset[assetId].length;
  }

  /// The index-th grant on `assetId` (direct grants and sub-licenses), in issue order.
  function grantOfAssetAt(uint256 assetId, uint256 index) external view returns (uint256) {
    return grantsOfAsset[assetId][index];
  }

  function childrenCount(uint256 grantId) external view returns (uint256) {
    return children[grantId].length;
  }

  /// The index-th sub-license issued under `grantId`.
  function childAt(uint256 grantId, uint256 index) external view returns (uint256) {
    return children[grantId][index];
  }

  function grantsOfGranteeCount(uint256 assetId, address grantee) external view returns (uint256) {
    return grantsOfGrantee[assetId][grantee].length;
  }

  function grantOfGranteeAt(uint256 assetId, address grantee, uint256 index)
    external
    view
    returns (uint256)
  {
    return grantsOfGrantee[assetId][grantee][index];
  }

  // ------------------------------------------------------------------------ internals

  function _create(
    uint256 assetId,
    uint256 parentId,
    address grantee,
    uint8 right,
    uint8 depth,
    uint8 origin,
    GrantTerms calldata terms
  ) private returns (uint256 grantId) {
    _requireActive(grantee);
    grantId = ++grantTotal;
    uint8 status = _crossBorderStatus(assetId, grantId, grantee, origin, terms.regions);
    Grant storage g = grants[grantId];
    g.id = grantId;
    g.assetId = assetId;
    g.parentId = parentId;
    g.grantor = msg.sender;
    g.right = right;
    g.regions = terms.regions;
    g.validFrom = terms.validFrom;
    g.grantee = grantee;
    g.validUntil = terms.validUntil;
    g.sublicensable = terms.sublicensable;
    g.maxDepth = terms.maxDepth;
    g.depth = depth;
    g.status = status;
    g.termsHash = terms.termsHash;
    g.basePrice = terms.basePrice;
    g.scenarioPremium = terms.scenarioPremium;
    g.issuedAt = _now();
    grantsOfAsset[assetId].push(grantId);
    grantsOfGrantee[assetId][grantee].push(grantId);
    emit GrantIssued(
      assetId, grantId, grantee, parentId, msg.sender, right, terms.regions, terms.validFrom,
      terms.validUntil, status
    );
    emit GrantTermsRecorded(
      assetId, grantId, terms.termsHash, terms.basePrice, terms.scenarioPremium,
      terms.sublicensable, terms.maxDepth
    );
  }

  /// Applies the decision table to every region of the scope outside the origin region.
  function _crossBorderStatus(
    uint256 assetId,
    uint256 grantId,
    address grantee,
    uint8 origin,
    uint8 regions
  ) private returns (uint8 status) {
    status = GRANT_ACTIVE;
    PolicyRegistry policy = _policy();
    for (uint8 r = 0; r < REGION_COUNT; r++) {
      if (r == origin || regions & regionBit(r) == 0) continue;
      (uint8 decision, uint8 reason) = policy.decide(assetId, grantee, r);
      if (decision == DECISION_FORBIDDEN) revert CrossBorderForbidden(assetId, origin, r, reason);
      if (decision == DECISION_NEEDS_APPROVAL) status = GRANT_PENDING_APPROVAL;
      emit CrossBorderDecided(
        assetId, SUBJECT_GRANT, grantId, grantee, origin, r, decision, reason
      );
    }
  }

  function _checkTerms(GrantTerms calldata terms) private view {
    if (terms.regions == 0 || terms.regions > ALL_REGIONS_MASK) {
      revert InvalidRegionMask(terms.regions);
    }
    if (terms.validFrom >= terms.validUntil || terms.validUntil <= _now()) {
      revert InvalidWindow(terms.validFrom, terms.validUntil);
    }
    bool depthOk = terms.sublicensable
      ? terms.maxDepth >= 1 && terms.maxDepth <= MAX_SUBLICENSE_DEPTH
      : terms.maxDepth == 0;
    if (!depthOk) revert InvalidSublicenseDepth(terms.sublicensable, terms.maxDepth);
    if (terms.termsHash == bytes32(0)) revert MissingField("termsHash");
  }

  /// (holder, origin region) of an asset that may take new grants: not cancelled, not frozen.
  function _requireGrantable(uint256 assetId) private view returns (address holder, uint8 origin) {
    uint8 status;
    bool frozen;
    (holder, origin, status, frozen,) = _assets().gateOf(assetId);
    if (status == ASSET_CANCELLED) revert AssetCancelled(assetId);
    if (frozen) revert AssetFrozen(assetId);
  }

  function _pendingGrantForAuthority(uint256 grantId) private view returns (Grant storage g) {
    g = _grant(grantId);
    (, uint8 origin,,,) = _assets().gateOf(g.assetId);
    _participants().requireAuthority(msg.sender, origin);
    if (g.status != GRANT_PENDING_APPROVAL) revert GrantNotPending(grantId, g.status);
  }

  function _revoke(Grant storage g, address by, uint256 caseId, bytes32 reasonHash) private {
    if (g.status == GRANT_REVOKED || g.status == GRANT_REJECTED) revert GrantEnded(g.id, g.status);
    g.status = GRANT_REVOKED;
    g.revokedBy = by;
    g.revokedAt = _now();
    g.revokedInCase = caseId;
    g.revocationHash = reasonHash;
    emit GrantRevoked(g.assetId, g.id, by, caseId, reasonHash);
  }

  function _grant(uint256 grantId) private view returns (Grant storage g) {
    g = grants[grantId];
    if (g.id == 0) revert UnknownGrant(grantId);
  }

  /// Walks from `grantId` up to the holder's grant; the first failing link decides.
  function _chainReason(uint256 grantId, uint8 region, uint64 time)
    private
    view
    returns (bool valid, uint8 reason)
  {
    uint256 id = grantId;
    while (id != 0) {
      Grant storage g = grants[id];
      if (g.status == GRANT_REVOKED) return (false, VALIDITY_REVOKED);
      if (g.status != GRANT_ACTIVE) return (false, VALIDITY_NOT_APPROVED);
      if (time < g.validFrom) return (false, VALIDITY_NOT_YET_VALID);
      if (time >= g.validUntil) return (false, VALIDITY_EXPIRED);
      if (region != ANY_REGION && g.regions & regionBit(region) == 0) {
        return (false, VALIDITY_REGION_NOT_ALLOWED);
      }
      id = g.parentId;
    }
    return (true, VALIDITY_VALID);
  }

  function _chain(uint256 grantId) private view returns (uint256[] memory chain) {
    chain = new uint256[](uint256(grants[grantId].depth) + 1);
    uint256 id = grantId;
    for (uint256 i = 0; i < chain.length; i++) {
      chain[i] = id;
      id = grants[id].parentId;
    }
  }

  function _assets() private view returns (AssetRegistry) {
    return AssetRegistry(directory.assets());
  }

  function _policy() private view returns (PolicyRegistry) {
    return PolicyRegistry(directory.policy());
  }
}
