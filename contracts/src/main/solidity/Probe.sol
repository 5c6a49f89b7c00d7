// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;
contract Probe { error Bad(uint256 x); event E(uint256 indexed x); function f(uint256 x) external { if (x == 0) revert Bad(x); emit E(x);} }
