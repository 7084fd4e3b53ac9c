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
import org.elasticsearch.transport.TransportService;
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
 * Starts a real Elasticsearch node for newsmon's integration tests (a single-node cluster, or one
 * node of a small cluster: see {@link #clusterSettings}): the server artifact
 * with the netty4 HTTP/transport plugin (and {@link LanguageAnalyzersPlugin}) loaded from the
 * classpath, the way Elasticsearch's own test framework starts nodes (MockNode). It binds 127.0.0.1 on free ports, keeps its data in a
 * temporary folder (or the one given as the first argument), has no security (x-pack is not on the
 * classpath), prints "ESNODE_TRANSPORT=127.0.0.1:PORT" and "ESNODE_URL=http://127.0.0.1:PORT" once bound, and stops on SIGTERM.
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

        Settings.Builder settings = Settings.builder()
                .put("cluster.name", "newsmon-test")
                .put("node.name", System.getProperty("esnode.name", "esnode"))
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", System.getProperty("esnode.http.port", "0"))
                .put("transport.port", "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // A shared test machine may be short of disk: never turn the index read-only for that.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true);
        clusterSettings(settings);

        Node node = new MockNode(settings.build(), List.of(Netty4Plugin.class, LanguageAnalyzersPlugin.class), home.resolve("config"), true, () -> {});
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
        // The transport address first: a second node joins through it (esnode.seed_hosts).
        TransportService transport = node.injector().getInstance(TransportService.class);
        InetSocketAddress taddr = transport.boundAddress().publishAddress().address();
        System.out.println("ESNODE_TRANSPORT=" + taddr.getHostString() + ":" + taddr.getPort());
        System.out.println("ESNODE_URL=http://" + addr.getHostString() + ":" + addr.getPort());
        System.out.flush();
        stopped.await(); // serve until SIGTERM's shutdown hook closes the node
    }

    /**
     * Discovery: a single node by default; with esnode.initial_master (this node's name) it
     * bootstraps a cluster others can join, and with esnode.seed_hosts (transport addresses) it
     * joins one. esnode.roles (comma-separated, e.g. "data,ingest") limits what the node does: a
     * node that is not master-eligible can die without the cluster losing its elected master.
     */
    static void clusterSettings(Settings.Builder settings) {
        String seeds = System.getProperty("esnode.seed_hosts", "");
        String initialMaster = System.getProperty("esnode.initial_master", "");
        String roles = System.getProperty("esnode.roles", "");
        if (seeds.isEmpty() && initialMaster.isEmpty()) {
            settings.put("discovery.type", "single-node");
        }
        if (!seeds.isEmpty()) {
            settings.putList("discovery.seed_hosts", seeds.split(","));
        }
        if (!initialMaster.isEmpty()) {
            settings.putList("cluster.initial_master_nodes", initialMaster.split(","));
        }
        if (!roles.isEmpty()) {
            settings.putList("node.roles", roles.split(","));
        }
    }
}
