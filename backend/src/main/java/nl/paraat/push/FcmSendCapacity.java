package nl.paraat.push;

import com.google.firebase.FirebaseApp;
import com.google.firebase.ThreadManager;
import com.google.firebase.internal.ApacheHttp2Transport;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.ssl.SSLContexts;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests to FCM may await their answer at once. The SDK sends each message on a thread of
 * its own pool that waits for the answer, and its HTTP client opens at most 100 connections to a host,
 * so both are sized together. Everything else is the SDK's own default client.
 */
final class FcmSendCapacity {

    private final int requests;

    FcmSendCapacity(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("paraat.push.concurrent-requests must be at least 1, was " + requests);
        }
        this.requests = requests;
    }

    /** The SDK's default transport with a connection pool of this size. */
    ApacheHttp2Transport transport() {
        CloseableHttpAsyncClient client = ApacheHttp2Transport.defaultHttpAsyncClientBuilder()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(requests)
                        .setMaxConnPerRoute(requests)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setTimeToLive(-1, TimeUnit.MILLISECONDS).build())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(SSLContexts.createSystemDefault()).build())
                        .build())
                .build();
        return new ApacheHttp2Transport(client);
    }

    /** The SDK's default thread manager with a pool of this size. */
    ThreadManager threads() {
        return new ThreadManager() {
            @Override
            protected ExecutorService getExecutor(FirebaseApp app) {
                ThreadPoolExecutor executor = new ThreadPoolExecutor(requests, requests, 60, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(), getThreadFactory());
                executor.allowCoreThreadTimeOut(true);
                return executor;
            }

            @Override
            protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
                executor.shutdownNow();
            }

            @Override
            protected ThreadFactory getThreadFactory() {
                AtomicInteger count = new AtomicInteger();
                return runnable -> {
                    Thread thread = new Thread(runnable, "fcm-send-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                };
            }
        };
    }
}
