// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import "./DrrTypes.sol";
import "./DrrDirectory.sol";
import "./ParticipantRegistry.sol";

/// @title Base of every registry module: knows the directory and, through it, its siblings.
/// @notice Modules import each other's contract types directly (imports may be cyclic; base
/// contracts may not), so only the participant registry's getter lives here.
abstract contract DrrModule {
  DrrDirectory public immutable directory;

  constructor(address directory_) {
    directory = DrrDirectory(directory_);
  }

  modifier onlyModule(address expected) {
    if (msg.sender != expected) revert NotModule(msg.sender);
    _;
  }

  function _participants() internal view returns (ParticipantRegistry) {
    return ParticipantRegistry(directory.participants());
  }

  /// The caller's (region, kind); reverts NotActiveParticipant unless active.
  function _requireActive(address who) internal view returns (uint8 region, uint8 kind) {
    return _participants().activeParticipant(who);
  }

  function _now() internal view returns (uint64) {
    return uint64(block.timestamp);
  }
}
