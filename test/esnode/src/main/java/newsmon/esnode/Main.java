package newsmon.esnode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Starts a real single-node Elasticsearch for newsmon's integration tests: the server artifact
 * with the netty4 HTTP/transport plugin loaded from the classpath, the way Elasticsearch's own
 * test framework starts nodes (MockNode). It binds 127.0.0.1 on free ports, keeps its data in a
 * temporary folder (or the one given as the first argument), has no security (x-pack is not on the
 * classpath), prints "ESNODE_URL=http://127.0.0.1:PORT" once HTTP is bound, and stops on SIGTERM.
 * It never serves anything but loopback.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Path home = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("newsmon-esnode-");
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

        LogConfigurator.configureESLogging();
        LogConfigurator.setNodeName("esnode");
        LogConfigurator.setClusterName("newsmon-test");
        LogConfigurator.configureWithoutConfig(settings);

        Node node = new MockNode(settings, List.of(Netty4Plugin.class), home.resolve("config"), true, () -> {});
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                System.err.println("esnode: close: " + e);
            }
        }, "esnode-shutdown"));
        node.start();

        HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
        InetSocketAddress addr = http.boundAddress().publishAddress().address();
        System.out.println("ESNODE_URL=http://" + addr.getHostString() + ":" + addr.getPort());
        System.out.flush();
        Thread.currentThread().join(); // serve until the shutdown hook closes the node
    }
}
