/**
 * The precompiled contracts at addresses 0x01–0x0a, looked up per fork through {@link
 * org.drr.node.evm.precompile.Precompiles#forAddress}.
 *
 * <table>
 *   <caption>Addresses, first fork and price</caption>
 *   <tr><th>address</th><th>contract</th><th>from</th><th>gas</th></tr>
 *   <tr><td>0x01</td><td>ecrecover</td><td>Frontier</td><td>3000</td></tr>
 *   <tr><td>0x02</td><td>sha256</td><td>Frontier</td><td>60 + 12/word</td></tr>
 *   <tr><td>0x03</td><td>ripemd160</td><td>Frontier</td><td>600 + 120/word</td></tr>
 *   <tr><td>0x04</td><td>identity</td><td>Frontier</td><td>15 + 3/word</td></tr>
 *   <tr><td>0x05</td><td>modexp</td><td>Byzantium</td>
 *       <td>EIP-198; from Berlin EIP-2565 (min 200)</td></tr>
 *   <tr><td>0x06</td><td>bn254 add</td><td>Byzantium</td><td>500; Istanbul 150</td></tr>
 *   <tr><td>0x07</td><td>bn254 mul</td><td>Byzantium</td><td>40000; Istanbul 6000</td></tr>
 *   <tr><td>0x08</td><td>bn254 pairing</td><td>Byzantium</td>
 *       <td>100000 + 80000/pair; Istanbul 45000 + 34000/pair</td></tr>
 *   <tr><td>0x09</td><td>blake2f</td><td>Istanbul</td><td>1/round</td></tr>
 *   <tr><td>0x0a</td><td>KZG point evaluation</td><td>Cancun</td><td>50000</td></tr>
 * </table>
 *
 * <p>The bn254 field, curve and pairing arithmetic is in the {@code bn254} subpackage; KZG
 * verification is delegated to c-kzg (jc-kzg-4844) with the mainnet setup from {@link
 * org.drr.node.evm.precompile.KzgSetup}; secp256k1 recovery to {@link
 * org.drr.node.crypto.Secp256k1}.
 */
package org.drr.node.evm.precompile;
