package com.aiagent.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on an ephemeral port to a server the test does not own, which the test can cut (every
 * connection dropped, new ones refused at once) and restore: an outage of a shared server seen by
 * one service only.
 */
final class CuttableProxy {
  private final Vertx vertx;
  private final int targetPort;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private NetServer server;
  private NetClient client;

  CuttableProxy(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.targetPort = targetPort;
  }

  Future<Integer> start() {
    client = vertx.createNetClient();
    server =
        vertx
            .createNetServer()
            .connectHandler(
                in -> {
                  if (cut) {
                    in.close();
                    return;
                  }
                  in.pause();
                  client
                      .connect(targetPort, "127.0.0.1")
                      .onFailure(e -> in.close())
                      .onSuccess(
                          out -> {
                            open.add(in);
                            open.add(out);
                            in.closeHandler(v -> out.close());
                            out.closeHandler(v -> in.close());
                            in.pipeTo(out);
                            out.pipeTo(in);
                            in.resume();
                          });
                });
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  void cut() {
    cut = true;
    open.forEach(NetSocket::close);
    open.clear();
  }

  void restore() {
    cut = false;
  }

  Future<Void> close() {
    cut();
    return Future.join(server.close(), client.close()).mapEmpty();
  }
}
