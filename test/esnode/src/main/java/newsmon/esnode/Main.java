package newsmon.esnode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.concurrent.CountDownLatch;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.junit.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.RunWith;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import com.carrotsearch.randomizedtesting.annotations.Timeout;
import com.carrotsearch.randomizedtesting.annotations.TimeoutSuite;

/**
 * Starts a real single-node Elasticsearch for newsmon's integration tests: the server artifact
 * with the netty4 HTTP/transport plugin (and {@link LanguageAnalyzersPlugin}) loaded from the
 * classpath, the way Elasticsearch's own test framework starts nodes (MockNode). It binds 127.0.0.1 on free ports, keeps its data in a
 * temporary folder (or the one given as the first argument), has no security (x-pack is not on the
 * classpath), prints "ESNODE_URL=http://127.0.0.1:PORT" once HTTP is bound, and stops on SIGTERM.
 * It never serves anything but loopback.
 *
 * <p>With the test framework on the classpath, Elasticsearch draws all its randomness from the
 * randomized-testing context, so the node runs inside a RandomizedRunner "test" that lasts until the
 * process is stopped — exactly how Elasticsearch's own single-node tests host a node.
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
@TimeoutSuite(millis = Integer.MAX_VALUE)
public class Main {
    public static void main(String[] args) {
        if (args.length > 0) {
            System.setProperty("esnode.home", args[0]);
        }
        Result r = new JUnitCore().run(Main.class);
        r.getFailures().forEach(f -> {
            System.err.println("esnode: " + f.getMessage());
            f.getException().printStackTrace();
        });
        System.exit(r.wasSuccessful() ? 0 : 1);
    }

    @Test
    @Timeout(millis = Integer.MAX_VALUE)
    public void serve() throws Exception {
        String given = System.getProperty("esnode.home", "");
        Path home = given.isEmpty() ? Files.createTempDirectory("newsmon-esnode-") : Path.of(given);
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        Settings settings = Settings.builder()
                .put("cluster.name", "newsmon-test")
                .put("node.name", "esnode")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", System.getProperty("esnode.http.port", "0"))
                .put("transport.port", "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                .put("discovery.type", "single-node")
                // A shared test machine may be short of disk: never turn the index read-only for that.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                .build();

        Node node = new MockNode(settings, List.of(Netty4Plugin.class, LanguageAnalyzersPlugin.class), home.resolve("config"), true, () -> {});
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                System.err.println("esnode: close: " + e);
            }
            stopped.countDown();
        }, "esnode-shutdown"));
        node.start();

        HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
        InetSocketAddress addr = http.boundAddress().publishAddress().address();
        System.out.println("ESNODE_URL=http://" + addr.getHostString() + ":" + addr.getPort());
        System.out.flush();
        stopped.await(); // serve until SIGTERM's shutdown hook closes the node
    }
}
