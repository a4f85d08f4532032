import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * The Neo4j server the tests talk to: Bolt on 127.0.0.1:PORT, no auth, data in DIR. Run by
 * scripts/test-services.sh as a JVM of its own; stops on SIGTERM.
 */
public final class Neo4jTestServer {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(dir)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
    System.out.println("neo4j test server: bolt://127.0.0.1:" + port + " ready");
    Thread.currentThread().join();
  }
}
