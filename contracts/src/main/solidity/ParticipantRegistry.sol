// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrTypes.sol";

/// @title Who may act: participants of GD, HK and MO, onboarded by their region's authorities.
/// @notice The first authorities of each region are set by the constructor. Afterwards an
/// active AUTHORITY onboards, suspends and reinstates participants of its own region only.
/// Every other module asks activeParticipant() before letting anyone act.
contract ParticipantRegistry {
  struct Participant {
    address account;
    uint8 region;
    uint8 kind;
    uint8 status;
    uint64 registeredAt;
    address onboardedBy;
    string name;
    string registryId;
  }

  event ParticipantRegistered(
    address indexed account,
    uint8 region,
    uint8 kind,
    string name,
    string registryId,
    address indexed by
  );
  event ParticipantSuspended(address indexed account, address indexed by);
  event ParticipantReinstated(address indexed account, address indexed by);

  mapping(address => Participant) private participants;
  address[] private accounts;

  /// @param authorities  first authorities; authorities[i] belongs to regions[i] and is
  ///                     recorded with names[i] and registryIds[i]. The arrays must have equal
  ///                     length (a shorter one makes deployment fail with an index panic).
  constructor(
    address[] memory authorities,
    uint8[] memory regions,
    string[] memory names,
    string[] memory registryIds
  ) {
    for (uint256 i = 0; i < authorities.length; i++) {
      _add(authorities[i], regions[i], KIND_AUTHORITY, names[i], registryIds[i], address(0));
    }
  }

  /// Onboards `account` into the caller's region. Caller: active AUTHORITY of `region`.
  function register(
    address account,
    uint8 region,
    uint8 kind,
    string calldata name,
    string calldata registryId
  ) external {
    checkRegion(region);
    requireAuthority(msg.sender, region);
    _add(account, region, kind, name, registryId, msg.sender);
  }

  /// Suspends an active participant. Caller: active AUTHORITY of the participant's region,
  /// not the participant itself (a region must never lock out its last authority by accident).
  function suspend(address account) external {
    Participant storage p = _known(account);
    requireAuthority(msg.sender, p.region);
    if (account == msg.sender) revert SelfSuspension(account);
    if (p.status == PARTICIPANT_SUSPENDED) revert ParticipantAlreadySuspended(account);
    p.status = PARTICIPANT_SUSPENDED;
    emit ParticipantSuspended(account, msg.sender);
  }

  /// Reinstates a suspended participant. Caller: active AUTHORITY of the participant's region.
  function reinstate(address account) external {
    Participant storage p = _known(account);
    requireAuthority(msg.sender, p.region);
    if (p.status != PARTICIPANT_SUSPENDED) revert ParticipantNotSuspended(account);
    p.status = PARTICIPANT_ACTIVE;
    emit ParticipantReinstated(account, msg.sender);
  }

  // ------------------------------------------------------------------------------ views

  /// The participant record; reverts UnknownParticipant if never onboarded.
  function participantOf(address account) external view returns (Participant memory) {
    return _known(account);
  }

  function isRegistered(address account) external view returns (bool) {
    return participants[account].status != PARTICIPANT_NONE;
  }

  function isActive(address account) external view returns (bool) {
    return participants[account].status == PARTICIPANT_ACTIVE;
  }

  function participantCount() external view returns (uint256) {
    return accounts.length;
  }

  /// The index-th onboarded account, in onboarding order.
  function participantAt(uint256 index) external view returns (address) {
    return accounts[index];
  }

  /// True if `who` is an active AUTHORITY of `region`.
  function isAuthorityOf(address who, uint8 region) external view returns (bool) {
    Participant storage p = participants[who];
    return p.status == PARTICIPANT_ACTIVE && p.kind == KIND_AUTHORITY && p.region == region;
  }

  /// (region, kind) of an active participant; reverts NotActiveParticipant otherwise.
  function activeParticipant(address who) public view returns (uint8 region, uint8 kind) {
    Participant storage p = participants[who];
    if (p.status != PARTICIPANT_ACTIVE) revert NotActiveParticipant(who);
    return (p.region, p.kind);
  }

  /// Reverts unless `who` is an active AUTHORITY of `region`.
  function requireAuthority(address who, uint8 region) public view {
    (uint8 home, uint8 kind) = activeParticipant(who);
    if (kind != KIND_AUTHORITY || home != region) revert NotAuthorityOfRegion(who, region);
  }

  /// Reverts unless `who` is an active participant of kind `kind`; returns its region.
  function requireKind(address who, uint8 kind) external view returns (uint8 region) {
    (uint8 home, uint8 actual) = activeParticipant(who);
    if (actual != kind) revert WrongParticipantKind(who, kind, actual);
    return home;
  }

  // ------------------------------------------------------------------------------ internals

  function _known(address account) private view returns (Participant storage p) {
    p = participants[account];
    if (p.status == PARTICIPANT_NONE) revert UnknownParticipant(account);
  }

  function _add(
    address account,
    uint8 region,
    uint8 kind,
    string memory name,
    string memory registryId,
    address by
  ) private {
    if (account == address(0)) revert MissingField("account");
    checkRegion(region);
    if (kind >= KIND_COUNT) revert InvalidKind(kind);
    if (bytes(name).length == 0) revert MissingField("name");
    if (bytes(registryId).length == 0) revert MissingField("registryId");
    if (participants[account].status != PARTICIPANT_NONE) revert ParticipantExists(account);
    participants[account] = Participant(
      account, region, kind, PARTICIPANT_ACTIVE, uint64(block.timestamp), by, name, registryId
    );
    accounts.push(account);
    emit ParticipantRegistered(account, region, kind, name, registryId, by);
  }
}
