// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrModule.sol";
import "./AssetRegistry.sol";
import "./PolicyRegistry.sol";

/// @title Transfers of the holding right: request -> approval (if the policy needs it) ->
/// acceptance by the recipient; the sender may cancel and the recipient may reject.
/// @notice A transfer goes to the recipient's home region; it is cross-border when that differs
/// from the asset's origin region, and the origin region's decision table applies. The decision
/// is taken once, at request time. One transfer per asset may be pending at a time.
contract TransferManager is DrrModule {
  struct Transfer {
    uint256 id;
    uint256 assetId;
    address from;
    address to;
    uint8 fromRegion;
    uint8 toRegion;
    uint8 decision;
    uint8 reason;
    uint8 status;
    uint64 requestedAt;
    bytes32 termsHash;
    address approver;
    uint64 approvedAt;
    bytes32 approvalDoc;
    address closedBy;
    uint64 closedAt;
    bytes32 closingHash;
    uint256 voidedInCase;
  }

  event TransferRequested(
    uint256 indexed assetId,
    uint256 indexed transferId,
    address indexed to,
    address from,
    uint8 toRegion,
    uint8 decision,
    uint8 reason,
    bytes32 termsHash
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
  event TransferApproved(
    uint256 indexed assetId,
    uint256 indexed transferId,
    address indexed approver,
    bytes32 documentHash
  );
  event TransferRejected(
    uint256 indexed assetId, uint256 indexed transferId, address indexed by, bytes32 reasonHash
  );
  event TransferCancelled(uint256 indexed assetId, uint256 indexed transferId, address indexed by);
  event TransferCompleted(
    uint256 indexed assetId, uint256 indexed transferId, address indexed to, address from
  );
  event TransferVoided(uint256 indexed assetId, uint256 indexed transferId, uint256 caseId);

  uint256 private transferTotal;
  mapping(uint256 => Transfer) private transfers;
  mapping(uint256 => uint256[]) private transfersOfAsset;
  mapping(uint256 => uint256) private pending;

  constructor(address directory_) DrrModule(directory_) {}

  /// The holder asks to transfer HOLD to `to` (an active participant). Not on a cancelled,
  /// frozen or contested asset, not while another transfer of it is pending; forbidden
  /// cross-border flows revert.
  function request(uint256 assetId, address to, bytes32 termsHash)
    external
    returns (uint256 transferId)
  {
    _requireActive(msg.sender);
    uint8 origin = _requireTransferable(assetId, msg.sender);
    uint256 open = pending[assetId];
    if (open != 0) revert TransferPending(assetId, open);
    if (to == msg.sender) revert SelfTransfer(assetId, to);
    (uint8 toRegion,) = _requireActive(to);
    (uint8 decision, uint8 reason) = _policy().decide(assetId, to, toRegion);
    if (decision == DECISION_FORBIDDEN) {
      revert CrossBorderForbidden(assetId, origin, toRegion, reason);
    }
    transferId = ++transferTotal;
    Transfer storage t = transfers[transferId];
    t.id = transferId;
    t.assetId = assetId;
    t.from = msg.sender;
    t.to = to;
    t.fromRegion = origin;
    t.toRegion = toRegion;
    t.decision = decision;
    t.reason = reason;
    t.status = decision == DECISION_NEEDS_APPROVAL
      ? TRANSFER_AWAITING_APPROVAL
      : TRANSFER_AWAITING_ACCEPTANCE;
    t.requestedAt = _now();
    t.termsHash = termsHash;
    pending[assetId] = transferId;
    transfersOfAsset[assetId].push(transferId);
    emit CrossBorderDecided(
      assetId, SUBJECT_TRANSFER, transferId, to, origin, toRegion, decision, reason
    );
    emit TransferRequested(
      assetId, transferId, to, msg.sender, toRegion, decision, reason, termsHash
    );
  }

  /// An authority of the asset's origin region approves a transfer awaiting approval.
  function approve(uint256 transferId, bytes32 documentHash) external {
    Transfer storage t = _transfer(transferId);
    _participants().requireAuthority(msg.sender, t.fromRegion);
    if (t.status != TRANSFER_AWAITING_APPROVAL) revert WrongTransferStatus(transferId, t.status);
    if (documentHash == bytes32(0)) revert MissingField("documentHash");
    t.status = TRANSFER_AWAITING_ACCEPTANCE;
    t.approver = msg.sender;
    t.approvedAt = _now();
    t.approvalDoc = documentHash;
    emit TransferApproved(t.assetId, transferId, msg.sender, documentHash);
  }

  /// Rejects a pending transfer: the recipient at any pending stage, or an authority of the
  /// origin region while it awaits approval (the approval is refused).
  function reject(uint256 transferId, bytes32 reasonHash) external {
    Transfer storage t = _pendingTransfer(transferId);
    if (msg.sender == t.to) {
      _requireActive(msg.sender);
    } else if (
      t.status == TRANSFER_AWAITING_APPROVAL
        && _participants().isAuthorityOf(msg.sender, t.fromRegion)
    ) {
      // A refused approval is recorded where an approval would be.
      t.approver = msg.sender;
      t.approvedAt = _now();
      t.approvalDoc = reasonHash;
    } else {
      revert NotTransferParty(transferId, msg.sender);
    }
    _close(t, TRANSFER_REJECTED, reasonHash);
    emit TransferRejected(t.assetId, transferId, msg.sender, reasonHash);
  }

  /// The sender withdraws its pending transfer.
  function cancel(uint256 transferId) external {
    Transfer storage t = _pendingTransfer(transferId);
    if (msg.sender != t.from) revert NotTransferParty(transferId, msg.sender);
    _requireActive(msg.sender);
    _close(t, TRANSFER_CANCELLED, bytes32(0));
    emit TransferCancelled(t.assetId, transferId, msg.sender);
  }

  /// The recipient accepts; HOLD moves. The asset must still be held by the sender and be
  /// transferable (not cancelled, frozen or contested) at this moment.
  function accept(uint256 transferId) external {
    Transfer storage t = _transfer(transferId);
    if (msg.sender != t.to) revert NotTransferParty(transferId, msg.sender);
    if (t.status != TRANSFER_AWAITING_ACCEPTANCE) revert WrongTransferStatus(transferId, t.status);
    _requireActive(msg.sender);
    _requireTransferable(t.assetId, t.from);
    _close(t, TRANSFER_COMPLETED, bytes32(0));
    _assets().moveHolding(t.assetId, t.to, MOVED_BY_TRANSFER, transferId);
    emit TransferCompleted(t.assetId, transferId, t.to, t.from);
  }

  /// Voids the asset's pending transfer, if any, because a ruling moved the holding.
  /// Caller: DisputeManager.
  function voidByRuling(uint256 assetId, uint256 caseId) external onlyModule(directory.disputes()) {
    uint256 transferId = pending[assetId];
    if (transferId == 0) return;
    Transfer storage t = transfers[transferId];
    t.voidedInCase = caseId;
    _close(t, TRANSFER_VOIDED, bytes32(0));
    emit TransferVoided(assetId, transferId, caseId);
  }

  // ------------------------------------------------------------------------ views

  function transferOf(uint256 transferId) external view returns (Transfer memory) {
    return _transfer(transferId);
  }

  function transferCount() external view returns (uint256) {
    return transferTotal;
  }

  function transfersOfAssetCount(uint256 assetId) external view returns (uint256) {
    return transfersOfAsset[assetId].length;
  }

  function transferOfAssetAt(uint256 assetId, uint256 index) external view returns (uint256) {
    return transfersOfAsset[assetId][index];
  }

  /// The asset's pending transfer id, 0 if none.
  function pendingTransferOf(uint256 assetId) external view returns (uint256) {
    return pending[assetId];
  }

  // ------------------------------------------------------------------------ internals

  /// Reverts unless `holder` holds an uncancelled, unfrozen, uncontested asset; returns its
  /// origin region.
  function _requireTransferable(uint256 assetId, address holder)
    private
    view
    returns (uint8 origin)
  {
    (address current, uint8 region, uint8 status, bool frozen, uint256 objectionId) =
      _assets().gateOf(assetId);
    if (current != holder) revert NotHolder(assetId, holder);
    if (status == ASSET_CANCELLED) revert AssetCancelled(assetId);
    if (frozen) revert AssetFrozen(assetId);
    if (objectionId != 0) revert OpenObjection(assetId, objectionId);
    return region;
  }

  function _transfer(uint256 transferId) private view returns (Transfer storage t) {
    t = transfers[transferId];
    if (t.id == 0) revert UnknownTransfer(transferId);
  }

  function _pendingTransfer(uint256 transferId) private view returns (Transfer storage t) {
    t = _transfer(transferId);
    if (t.status != TRANSFER_AWAITING_APPROVAL && t.status != TRANSFER_AWAITING_ACCEPTANCE) {
      revert WrongTransferStatus(transferId, t.status);
    }
  }

  function _close(Transfer storage t, uint8 status, bytes32 closingHash) private {
    t.status = status;
    t.closedBy = msg.sender;
    t.closedAt = _now();
    t.closingHash = closingHash;
    delete pending[t.assetId];
  }

  function _assets() private view returns (AssetRegistry) {
    return AssetRegistry(directory.assets());
  }

  function _policy() private view returns (PolicyRegistry) {
    return PolicyRegistry(directory.policy());
  }
}
