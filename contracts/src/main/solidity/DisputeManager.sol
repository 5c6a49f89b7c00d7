// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrModule.sol";
import "./AssetRegistry.sol";
import "./RightsRegistry.sol";
import "./TransferManager.sol";

/// @title Dispute cases (纠纷): evidence, court freezes, rulings with atomic effects, and
/// mediated settlements.
/// @notice Any active participant opens a case about an asset against a named respondent,
/// optionally naming a grant or transfer of that asset. The two parties add evidence hashes.
/// An active COURT freezes/unfreezes the asset and rules; an active MEDIATOR settles.
contract DisputeManager is DrrModule {
  struct Case {
    uint256 id;
    uint256 assetId;
    uint256 grantId;
    uint256 transferId;
    address claimant;
    address respondent;
    uint8 status;
    uint64 openedAt;
    bytes32 claimHash;
    address closedBy;
    uint64 closedAt;
    bytes32 outcomeHash;
    address newHolder;
    uint8 objectionOutcome;
    bool unfrozen;
  }

  struct Evidence {
    address submittedBy;
    uint64 submittedAt;
    bytes32 evidenceHash;
  }

  event CaseOpened(
    uint256 indexed assetId,
    uint256 indexed caseId,
    address indexed claimant,
    address respondent,
    uint256 grantId,
    uint256 transferId,
    bytes32 claimHash
  );
  event EvidenceAdded(
    uint256 indexed assetId, uint256 indexed caseId, address indexed by, bytes32 evidenceHash
  );
  event FreezeOrdered(
    uint256 indexed assetId,
    uint256 indexed caseId,
    address indexed court,
    bool frozen
  );
  event CaseRuled(
    uint256 indexed assetId,
    uint256 indexed caseId,
    address indexed court,
    bytes32 documentHash,
    uint256[] revokedGrantIds,
    address newHolder,
    uint8 objectionOutcome,
    bool unfrozen
  );
  event CaseSettled(
    uint256 indexed assetId,
    uint256 indexed caseId,
    address indexed mediator,
    bytes32 settlementHash
  );

  uint256 private caseTotal;
  mapping(uint256 => Case) private cases;
  mapping(uint256 => uint256[]) private casesOfAsset;
  mapping(uint256 => Evidence[]) private evidence;
  mapping(uint256 => uint256[]) private revokedByCase;

  constructor(address directory_) DrrModule(directory_) {}

  /// Opens a case about `assetId` against `respondent` (a registered participant other than the
  /// caller). grantId / transferId are 0 or must concern the same asset.
  function openCase(
    uint256 assetId,
    address respondent,
    uint256 grantId,
    uint256 transferId,
    bytes32 claimHash
  ) external returns (uint256 caseId) {
    _requireActive(msg.sender);
    _assets().gateOf(assetId);
    if (respondent == msg.sender) revert SelfDispute(msg.sender);
    _participants().participantOf(respondent);
    if (grantId != 0 && _rights().grantOf(grantId).assetId != assetId) {
      revert GrantNotOfAsset(grantId, assetId);
    }
    if (transferId != 0 && _transfers().transferOf(transferId).assetId != assetId) {
      revert TransferNotOfAsset(transferId, assetId);
    }
    if (claimHash == bytes32(0)) revert MissingField("claimHash");
    caseId = ++caseTotal;
    Case storage c = cases[caseId];
    c.id = caseId;
    c.assetId = assetId;
    c.grantId = grantId;
    c.transferId = transferId;
    c.claimant = msg.sender;
    c.respondent = respondent;
    c.status = CASE_OPEN;
    c.openedAt = _now();
    c.claimHash = claimHash;
    casesOfAsset[assetId].push(caseId);
    emit CaseOpened(assetId, caseId, msg.sender, respondent, grantId, transferId, claimHash);
  }

  /// A party (claimant or respondent) adds an evidence hash to an open case.
  function addEvidence(uint256 caseId, bytes32 evidenceHash) external {
    Case storage c = _openCase(caseId);
    if (msg.sender != c.claimant && msg.sender != c.respondent) {
      revert NotCaseParty(caseId, msg.sender);
    }
    _requireActive(msg.sender);
    if (evidenceHash == bytes32(0)) revert MissingField("evidenceHash");
    evidence[caseId].push(Evidence(msg.sender, _now(), evidenceHash));
    emit EvidenceAdded(c.assetId, caseId, msg.sender, evidenceHash);
  }

  /// A court freezes the case's asset: no transfers, no new grants, no changes.
  function freeze(uint256 caseId) external {
    Case storage c = _openCase(caseId);
    _participants().requireKind(msg.sender, KIND_COURT);
    _assets().setFrozen(c.assetId, true, caseId);
    emit FreezeOrdered(c.assetId, caseId, msg.sender, true);
  }

  /// A court lifts the freeze it ordered in this case (also after the case closed).
  function unfreeze(uint256 caseId) external {
    Case storage c = _case(caseId);
    _participants().requireKind(msg.sender, KIND_COURT);
    _assets().setFrozen(c.assetId, false, caseId);
    emit FreezeOrdered(c.assetId, caseId, msg.sender, false);
  }

  /// A court rules. All effects happen atomically, or none:
  ///   revoke each grant in revokeGrantIds (grants of this asset, not already ended);
  ///   if newHolder != 0, move HOLD to that active participant (voiding a pending transfer);
  ///   if objectionOutcome != OUTCOME_NONE, resolve the asset's open objection with it;
  ///   if unfreezeAsset, lift the freeze.
  function rule(
    uint256 caseId,
    bytes32 documentHash,
    uint256[] calldata revokeGrantIds,
    address newHolder,
    uint8 objectionOutcome,
    bool unfreezeAsset
  ) external {
    Case storage c = _openCase(caseId);
    _participants().requireKind(msg.sender, KIND_COURT);
    if (documentHash == bytes32(0)) revert MissingField("documentHash");
    if (objectionOutcome > OUTCOME_UPHOLD) revert InvalidObjectionOutcome(objectionOutcome);
    uint256 assetId = c.assetId;
    _revokeGrants(caseId, assetId, revokeGrantIds);
    if (newHolder != address(0)) _moveHolding(caseId, assetId, newHolder);
    if (objectionOutcome != OUTCOME_NONE) {
      _assets().resolveObjectionByRuling(assetId, objectionOutcome, caseId, msg.sender);
    }
    if (unfreezeAsset) _assets().setFrozen(assetId, false, caseId);
    c.newHolder = newHolder;
    c.objectionOutcome = objectionOutcome;
    c.unfrozen = unfreezeAsset;
    _close(c, CASE_RULED, documentHash);
    emit CaseRuled(
      assetId, caseId, msg.sender, documentHash, revokeGrantIds, newHolder, objectionOutcome,
      unfreezeAsset
    );
  }

  /// A mediator records the parties' settlement and closes the case.
  function settle(uint256 caseId, bytes32 settlementHash) external {
    Case storage c = _openCase(caseId);
    _participants().requireKind(msg.sender, KIND_MEDIATOR);
    if (settlementHash == bytes32(0)) revert MissingField("settlementHash");
    _close(c, CASE_SETTLED, settlementHash);
    emit CaseSettled(c.assetId, caseId, msg.sender, settlementHash);
  }

  // ------------------------------------------------------------------------ views

  function caseOf(uint256 caseId) external view returns (Case memory) {
    return _case(caseId);
  }

  function caseCount() external view returns (uint256) {
    return caseTotal;
  }

  function casesOfAssetCount(uint256 assetId) external view returns (uint256) {
    return casesOfAsset[assetId].length;
  }

  function caseOfAssetAt(uint256 assetId, uint256 index) external view returns (uint256) {
    return casesOfAsset[assetId][index];
  }

  function evidenceCount(uint256 caseId) external view returns (uint256) {
    return evidence[caseId].length;
  }

  function evidenceAt(uint256 caseId, uint256 index) external view returns (Evidence memory) {
    return evidence[caseId][index];
  }

  /// Grants revoked by this case's ruling.
  function revokedGrantsOf(uint256 caseId) external view returns (uint256[] memory) {
    return revokedByCase[caseId];
  }

  // ------------------------------------------------------------------------ internals

  function _revokeGrants(uint256 caseId, uint256 assetId, uint256[] calldata grantIds) private {
    if (grantIds.length == 0) return;
    RightsRegistry rights = _rights();
    for (uint256 i = 0; i < grantIds.length; i++) {
      rights.revokeByRuling(grantIds[i], assetId, caseId, msg.sender);
      revokedByCase[caseId].push(grantIds[i]);
    }
  }

  function _moveHolding(uint256 caseId, uint256 assetId, address newHolder) private {
    _requireActive(newHolder);
    _transfers().voidByRuling(assetId, caseId);
    _assets().moveHolding(assetId, newHolder, MOVED_BY_RULING, caseId);
  }

  function _case(uint256 caseId) private view returns (Case storage c) {
    c = cases[caseId];
    if (c.id == 0) revert UnknownCase(caseId);
  }

  function _openCase(uint256 caseId) private view returns (Case storage c) {
    c = _case(caseId);
    if (c.status != CASE_OPEN) revert CaseClosed(caseId, c.status);
  }

  function _close(Case storage c, uint8 status, bytes32 outcomeHash) private {
    c.status = status;
    c.closedBy = msg.sender;
    c.closedAt = _now();
    c.outcomeHash = outcomeHash;
  }

  function _assets() private view returns (AssetRegistry) {
    return AssetRegistry(directory.assets());
  }

  function _rights() private view returns (RightsRegistry) {
    return RightsRegistry(directory.rights());
  }

  function _transfers() private view returns (TransferManager) {
    return TransferManager(directory.transfers());
  }
}
