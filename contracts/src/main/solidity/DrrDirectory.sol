// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrTypes.sol";

/// @title Root of a registry deployment: the one address a client needs to remember.
/// @notice The deployer wires the six module addresses exactly once; afterwards modules find
/// each other here, and only these wired modules may call each other's internal-mutation
/// functions (move a holding, freeze an asset, revoke by ruling, void a transfer).
contract DrrDirectory {
  event Wired(
    address participants,
    address assets,
    address rights,
    address policy,
    address transfers,
    address disputes
  );

  address public immutable deployer;
  address public participants;
  address public assets;
  address public rights;
  address public policy;
  address public transfers;
  address public disputes;

  constructor() {
    deployer = msg.sender;
  }

  /// Records the module addresses. Callable once, by the deployer, with no zero address.
  function wire(
    address participants_,
    address assets_,
    address rights_,
    address policy_,
    address transfers_,
    address disputes_
  ) external {
    if (msg.sender != deployer) revert NotDeployer(msg.sender);
    if (participants != address(0)) revert AlreadyWired();
    if (participants_ == address(0)) revert MissingField("participants");
    if (assets_ == address(0)) revert MissingField("assets");
    if (rights_ == address(0)) revert MissingField("rights");
    if (policy_ == address(0)) revert MissingField("policy");
    if (transfers_ == address(0)) revert MissingField("transfers");
    if (disputes_ == address(0)) revert MissingField("disputes");
    participants = participants_;
    assets = assets_;
    rights = rights_;
    policy = policy_;
    transfers = transfers_;
    disputes = disputes_;
    emit Wired(participants_, assets_, rights_, policy_, transfers_, disputes_);
  }

  /// True once wire() has run.
  function wired() external view returns (bool) {
    return participants != address(0);
  }
}
