package org.carillon.bench.sip.transport;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.carillon.sip.stack.ExecutorSelector;
import org.carillon.sip.stack.SipStack;
import org.carillon.sip.stack.StackConfig;

/**
 * A SIP stack on 127.0.0.1 that answers every request 200 from its application handler (on the
 * default virtual-thread executor): the "stack echo app" that {@code bench/sip-options.sh}
 * drives with SIPp. Prints {@code READY <port>} when listening and the stack counters on exit.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp carillon-bench.jar
 * org.carillon.bench.sip.transport.OptionsEchoServer [port [vt|pool]]}; stop it with SIGTERM.
 * {@code vt} (default) runs the handler on a virtual thread per request, {@code pool} on a pool
 * of platform threads, one per core, to compare hand-off costs.
 */
public final class OptionsEchoServer {

    private OptionsEchoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5064;
        ExecutorSelector executors = args.length > 1 && args[1].equals("pool")
                ? ExecutorSelector.of(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()))
                : ExecutorSelector.virtualThreads();
        SipStack stack = SipStack.start(StackConfig.defaults(InetAddress.getLoopbackAddress(), port),
                tx -> tx.respond(200), executors);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("COUNTERS " + stack.counters());
            stack.close();
            stopped.countDown();
        }));
        System.out.println("READY " + stack.port() + (stack.isEpoll() ? " epoll" : " nio"));
        stopped.await();
    }
}
