// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

// Codes shared by every module. They are plain uint8 values in the ABI so that a bad value
// reverts with a named error (InvalidRegion(7)) rather than an anonymous ABI-decoder panic.

// Regions. Region masks (grant scopes) use bit (1 << region): GD = 1, HK = 2, MO = 4.
uint8 constant REGION_GD = 0;
uint8 constant REGION_HK = 1;
uint8 constant REGION_MO = 2;
uint8 constant REGION_COUNT = 3;
uint8 constant ALL_REGIONS_MASK = 7;

// Participant kinds.
uint8 constant KIND_ENTERPRISE = 0;
uint8 constant KIND_EXCHANGE = 1;
uint8 constant KIND_AUTHORITY = 2;
uint8 constant KIND_COURT = 3;
uint8 constant KIND_MEDIATOR = 4;
uint8 constant KIND_AUDITOR = 5;
uint8 constant KIND_COUNT = 6;

// Participant status.
uint8 constant PARTICIPANT_NONE = 0;
uint8 constant PARTICIPANT_ACTIVE = 1;
uint8 constant PARTICIPANT_SUSPENDED = 2;

// Data categories (分类).
uint8 constant CATEGORY_PUBLIC = 0;
uint8 constant CATEGORY_ENTERPRISE = 1;
uint8 constant CATEGORY_PERSONAL = 2;
uint8 constant CATEGORY_COUNT = 3;

// Classification levels (分级), ordered from least to most sensitive.
uint8 constant CLASS_GENERAL = 0;
uint8 constant CLASS_IMPORTANT = 1;
uint8 constant CLASS_CORE = 2;
uint8 constant CLASS_COUNT = 3;

// Asset status (0 = no such asset).
uint8 constant ASSET_ACTIVE = 1;
uint8 constant ASSET_CANCELLED = 2;

// Objection status; a ruling resolves an open objection with an outcome.
uint8 constant OBJECTION_OPEN = 1;
uint8 constant OBJECTION_WITHDRAWN = 2; // the objector withdrew it
uint8 constant OBJECTION_REGISTRATION_WITHDRAWN = 3; // the holder withdrew the registration
uint8 constant OBJECTION_UPHELD = 4; // by ruling
uint8 constant OBJECTION_DISMISSED = 5; // by ruling
uint8 constant OUTCOME_NONE = 0;
uint8 constant OUTCOME_DISMISS = 1;
uint8 constant OUTCOME_UPHOLD = 2;

// How a holding moved.
uint8 constant MOVED_BY_TRANSFER = 1;
uint8 constant MOVED_BY_RULING = 2;

// Rights (三权分置).
uint8 constant RIGHT_HOLD = 0;
uint8 constant RIGHT_USE = 1;
uint8 constant RIGHT_OPERATE = 2;

// Grant status.
uint8 constant GRANT_PENDING_APPROVAL = 1;
uint8 constant GRANT_ACTIVE = 2;
uint8 constant GRANT_REVOKED = 3;
uint8 constant GRANT_REJECTED = 4;
uint8 constant MAX_SUBLICENSE_DEPTH = 8;

// Why a right is or is not valid (checkRight / checkGrant).
uint8 constant VALIDITY_VALID = 0;
uint8 constant VALIDITY_NO_GRANT = 1;
uint8 constant VALIDITY_REVOKED = 2;
uint8 constant VALIDITY_NOT_APPROVED = 3; // pending approval or rejected
uint8 constant VALIDITY_NOT_YET_VALID = 4;
uint8 constant VALIDITY_EXPIRED = 5;
uint8 constant VALIDITY_REGION_NOT_ALLOWED = 6;
uint8 constant VALIDITY_ASSET_CANCELLED = 7;
uint8 constant VALIDITY_NOT_HOLDER = 8;

// Transfer status.
uint8 constant TRANSFER_AWAITING_APPROVAL = 1;
uint8 constant TRANSFER_AWAITING_ACCEPTANCE = 2;
uint8 constant TRANSFER_COMPLETED = 3;
uint8 constant TRANSFER_CANCELLED = 4;
uint8 constant TRANSFER_REJECTED = 5;
uint8 constant TRANSFER_VOIDED = 6; // a ruling moved the holding while it was pending

// Case status.
uint8 constant CASE_OPEN = 1;
uint8 constant CASE_RULED = 2;
uint8 constant CASE_SETTLED = 3;

// Cross-border decisions.
uint8 constant DECISION_ALLOWED = 0;
uint8 constant DECISION_NEEDS_APPROVAL = 1;
uint8 constant DECISION_FORBIDDEN = 2;

// Reasons of a cross-border decision: the step of the decision table that decided it.
uint8 constant REASON_SAME_REGION = 1;
uint8 constant REASON_CORE = 2;
uint8 constant REASON_IMPORTANT = 3;
uint8 constant REASON_PERSONAL = 4;
uint8 constant REASON_NEGATIVE_LIST = 5;
uint8 constant REASON_DEFAULT_ALLOWED = 6;
uint8 constant REASON_PERSONAL_WHITELISTED = 7;
uint8 constant REASON_NEGATIVE_LIST_WHITELISTED = 8;

// Subjects of a cross-border decision or approval.
uint8 constant SUBJECT_TRANSFER = 1;
uint8 constant SUBJECT_GRANT = 2;

// ---------------------------------------------------------------------------------------------
// Errors. Declared once here; each module's ABI lists the ones it can raise.
// ---------------------------------------------------------------------------------------------

// Values out of range / missing.
error InvalidRegion(uint8 region);
error InvalidKind(uint8 kind);
error InvalidCategory(uint8 category);
error InvalidClassification(uint8 classification);
error InvalidRight(uint8 right);
error InvalidRegionMask(uint8 regions);
error InvalidWindow(uint64 validFrom, uint64 validUntil);
error InvalidSublicenseDepth(bool sublicensable, uint8 maxDepth);
error InvalidObjectionOutcome(uint8 outcome);
error InvalidCorridor(uint8 fromRegion, uint8 toRegion);
error MissingField(string field);

// Wiring.
error NotDeployer(address caller);
error AlreadyWired();
error NotModule(address caller);

// Participants.
error NotActiveParticipant(address who);
error NotAuthorityOfRegion(address who, uint8 region);
error WrongParticipantKind(address who, uint8 requiredKind, uint8 actualKind);
error ParticipantExists(address account);
error UnknownParticipant(address account);
error ParticipantAlreadySuspended(address account);
error ParticipantNotSuspended(address account);
error SelfSuspension(address account);

// Assets and objections.
error UnknownAsset(uint256 assetId);
error NotHolder(uint256 assetId, address caller);
error AssetCancelled(uint256 assetId);
error AssetFrozen(uint256 assetId);
error AssetNotFrozen(uint256 assetId);
error DuplicateRegistration(bytes32 fingerprint, address registrant, uint256 existingAssetId);
error NoRightOnParent(uint256 parentAssetId, address registrant);
error ClassificationBelowParent(
  uint256 parentAssetId,
  uint8 parentClassification,
  uint8 classification
);
error OpenObjection(uint256 assetId, uint256 objectionId);
error NoOpenObjection(uint256 assetId);
error HolderCannotObject(uint256 assetId, address holder);
error UnknownObjection(uint256 objectionId);
error ObjectionNotOpen(uint256 objectionId, uint8 status);
error NotObjector(uint256 objectionId, address caller);

// Grants.
error UnknownGrant(uint256 grantId);
error NotGrantee(uint256 grantId, address caller);
error NotSublicensable(uint256 grantId);
error GrantNotValid(uint256 grantId, uint8 reason);
error RegionsOutsideParent(uint256 parentGrantId, uint8 parentRegions, uint8 regions);
error WindowOutsideParent(
  uint256 parentGrantId,
  uint64 parentFrom,
  uint64 parentUntil,
  uint64 validFrom,
  uint64 validUntil
);
error DepthExceedsParent(uint256 parentGrantId, uint8 parentMaxDepth, uint8 maxDepth);
error GrantNotPending(uint256 grantId, uint8 status);
error GrantEnded(uint256 grantId, uint8 status);
error NotRevoker(uint256 grantId, address caller);
error GrantNotOfAsset(uint256 grantId, uint256 assetId);

// Cross-border policy.
error CrossBorderForbidden(uint256 assetId, uint8 fromRegion, uint8 toRegion, uint8 reason);
error SectorAlreadyListed(uint8 region, bytes32 sector);
error SectorNotListed(uint8 region, bytes32 sector);
error AlreadyWhitelisted(uint8 fromRegion, uint8 toRegion, address recipient);
error NotWhitelisted(uint8 fromRegion, uint8 toRegion, address recipient);

// Transfers.
error UnknownTransfer(uint256 transferId);
error SelfTransfer(uint256 assetId, address account);
error TransferPending(uint256 assetId, uint256 transferId);
error WrongTransferStatus(uint256 transferId, uint8 status);
error NotTransferParty(uint256 transferId, address caller);
error TransferNotOfAsset(uint256 transferId, uint256 assetId);

// Disputes.
error UnknownCase(uint256 caseId);
error CaseClosed(uint256 caseId, uint8 status);
error NotCaseParty(uint256 caseId, address caller);
error SelfDispute(address claimant);

/// Reverts InvalidRegion unless `region` is GD, HK or MO.
function checkRegion(uint8 region) pure {
  if (region >= REGION_COUNT) revert InvalidRegion(region);
}

/// The single-region mask bit of `region`.
function regionBit(uint8 region) pure returns (uint8) {
  return uint8(1) << region;
}
