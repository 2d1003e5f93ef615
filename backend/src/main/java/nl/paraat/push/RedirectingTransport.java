package nl.paraat.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.firebase.internal.ApacheHttp2Transport;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The SDK's own transport (Apache HttpClient 5, the fastest the SDK offers), with requests to Google's
 * hosts sent to another base address instead. {@code buildRequest} is protected in the HTTP client
 * library, so the delegate's is called through reflection, looked up once.
 */
final class RedirectingTransport extends HttpTransport {

    private static final List<String> GOOGLE_HOSTS = List.of("https://fcm.googleapis.com", "https://iid.googleapis.com");
    private static final Method BUILD_REQUEST = buildRequestMethod();

    private final ApacheHttp2Transport delegate;
    private final String endpoint;

    /** The SDK's default transport, redirected. */
    RedirectingTransport(String endpoint) {
        this(endpoint, new ApacheHttp2Transport());
    }

    RedirectingTransport(String endpoint, ApacheHttp2Transport delegate) {
        this.endpoint = endpoint.replaceAll("/+$", "");
        this.delegate = delegate;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
        try {
            return (LowLevelHttpRequest) BUILD_REQUEST.invoke(delegate, method, redirect(url));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    String redirect(String url) {
        for (String host : GOOGLE_HOSTS) {
            if (url.startsWith(host)) {
                return endpoint + url.substring(host.length());
            }
        }
        return url;
    }

    @Override
    public boolean supportsMethod(String method) throws IOException {
        return delegate.supportsMethod(method);
    }

    @Override
    public void shutdown() throws IOException {
        delegate.shutdown();
    }

    private static Method buildRequestMethod() {
        try {
            Method method = HttpTransport.class.getDeclaredMethod("buildRequest", String.class, String.class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
