package org.drr.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivex.disposables.Disposable;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthGetProof;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.NewHeadsNotification;

/** Web3j, as the CLI uses it, parses every response shape the node returns. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Web3jCompatibilityTest {
  private RpcTestSupport.Scenario s;
  private Web3j web3j;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    s = RpcTestSupport.scenario(dir);
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + s.fixture().httpPort()));
  }

  @AfterAll
  void tearDown() {
    web3j.shutdown();
    s.fixture().close();
  }

  @Test
  void blocksTransactionsAndReceipts() throws Exception {
    assertEquals(BigInteger.valueOf(3), web3j.ethBlockNumber().send().getBlockNumber());
    assertEquals(1337, web3j.ethChainId().send().getChainId().longValue());
    EthBlock.Block block =
        web3j
            .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.TWO), true)
            .send()
            .getBlock();
    assertEquals(2, block.getTransactions().size());
    assertEquals(BigInteger.valueOf(7), block.getBaseFeePerGas());
    EthBlock.TransactionObject legacy = (EthBlock.TransactionObject) block.getTransactions().get(0);
    assertEquals(RpcTestSupport.ALICE.address().toHexString(), legacy.getFrom());
    assertEquals(1337L, legacy.getChainId());
    EthBlock.TransactionObject dynamic =
        (EthBlock.TransactionObject) block.getTransactions().get(1);
    assertEquals("0x2", dynamic.getType());
    assertEquals(BigInteger.valueOf(1000), dynamic.getMaxFeePerGas());

    TransactionReceipt receipt =
        web3j
            .ethGetTransactionReceipt(s.storeCall().hash().toHexString())
            .send()
            .getTransactionReceipt()
            .orElseThrow();
    assertTrue(receipt.isStatusOK());
    assertEquals(1, receipt.getLogs().size());
    assertEquals(s.store().toHexString(), receipt.getLogs().get(0).getAddress());
    TransactionReceipt deployment =
        web3j
            .ethGetTransactionReceipt(s.deployment().hash().toHexString())
            .send()
            .getTransactionReceipt()
            .orElseThrow();
    assertEquals(s.store().toHexString(), deployment.getContractAddress());
    assertNotNull(
        web3j
            .ethGetTransactionByHash(s.legacy().hash().toHexString())
            .send()
            .getTransaction()
            .orElseThrow());
  }

  @Test
  void stateCallsAndProofs() throws Exception {
    assertTrue(
        web3j
                .ethGetBalance(
                    RpcTestSupport.BOB.address().toHexString(), DefaultBlockParameterName.LATEST)
                .send()
                .getBalance()
                .signum()
            > 0);
    assertEquals(
        BigInteger.valueOf(4),
        web3j
            .ethGetTransactionCount(
                RpcTestSupport.ALICE.address().toHexString(), DefaultBlockParameterName.LATEST)
            .send()
            .getTransactionCount());
    String word = Bytes32.leftPad(Bytes.of(3)).toHexString();
    EthCall ok =
        web3j
            .ethCall(
                org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(
                    null, s.store().toHexString(), word),
                DefaultBlockParameterName.LATEST)
            .send();
    assertEquals(word, ok.getValue());
    EthCall reverted =
        web3j
            .ethCall(
                org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(
                    null, s.store().toHexString(), "0x"),
                DefaultBlockParameterName.LATEST)
            .send();
    assertTrue(reverted.isReverted());
    assertEquals("execution reverted: nope", reverted.getRevertReason());
    EthGetProof.Proof proof =
        web3j.ethGetProof(s.store().toHexString(), List.of("0x0"), "latest").send().getProof();
    assertEquals("0x1", proof.getNonce());
    assertEquals(1, proof.getStorageProof().size());
    EthFeeHistory.FeeHistory fees =
        web3j
            .ethFeeHistory(2, DefaultBlockParameterName.LATEST, List.of(50.0))
            .send()
            .getFeeHistory();
    assertEquals(3, fees.getBaseFeePerGas().size());
    assertEquals(BigInteger.valueOf(1000), web3j.ethGasPrice().send().getGasPrice());
  }

  @Test
  void logs() throws Exception {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST,
            DefaultBlockParameterName.LATEST,
            s.store().toHexString());
    List<EthLog.LogResult> logs = web3j.ethGetLogs(filter).send().getLogs();
    assertEquals(1, logs.size());
    assertFalse(((EthLog.LogObject) logs.get(0)).isRemoved());
  }

  @Test
  void newHeadsOverWebSocket() throws Exception {
    WebSocketService ws =
        new WebSocketService("ws://127.0.0.1:" + s.fixture().webSocketPort(), false);
    ws.connect();
    Web3j socket = Web3j.build(ws);
    BlockingQueue<NewHeadsNotification> heads = new LinkedBlockingQueue<>();
    Disposable subscription = socket.newHeadsNotifications().subscribe(heads::add);
    try {
      assertNull(heads.poll(200, TimeUnit.MILLISECONDS));
      String hash = s.fixture().mine().header().hash().toHexString();
      NewHeadsNotification head = heads.poll(10, TimeUnit.SECONDS);
      assertNotNull(head);
      assertEquals(hash, head.getParams().getResult().getHash());
    } finally {
      subscription.dispose();
      socket.shutdown();
    }
  }
}
