package io.funnelql.api.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import io.funnelql.api.BodyTooLargeException;

/**
 * Bounds request bodies: a load ({@code /api/loads/...}) may send {@code funnelql.max-upload-size}, any other
 * request {@code funnelql.max-request-size}. A body whose declared length is larger is answered 413 before it
 * is read. A load without a declared length is counted as it streams to disk and cut off with
 * {@link BodyTooLargeException} (answered 413 by the load endpoint) when it passes the limit; any other body
 * without one is read here, up to the limit, and answered 413 if there is more. No request can make the server
 * hold or store more than its limit.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    private final DataSize maxUpload;
    private final DataSize maxRequest;

    RequestSizeFilter(DataSize maxUpload, DataSize maxRequest) {
        this.maxUpload = maxUpload;
        this.maxRequest = maxRequest;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = request.getRequestURI().startsWith(request.getContextPath() + "/api/loads/");
        DataSize limit = upload ? maxUpload : maxRequest;
        String message = (upload ? "The upload is larger than " : "The request body is larger than ") + describe(limit)
                + ", the most this server accepts" + (upload ? " for one load (funnelql.max-upload-size); split the "
                + "file, or load it with the load command" : " (funnelql.max-request-size)") + ". Nothing was loaded or run.";
        if (request.getContentLengthLong() > limit.toBytes()) {
            if (upload) {
                JsonErrors.writeForLoad(response, HttpStatus.CONTENT_TOO_LARGE, message);
            } else {
                JsonErrors.write(response, HttpStatus.CONTENT_TOO_LARGE, message);
            }
            return;
        }
        if (upload || request.getContentLengthLong() >= 0) {
            chain.doFilter(new Bounded(request, limit.toBytes(), message), response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.toBytes() + 1));
        if (body.length > limit.toBytes()) {
            JsonErrors.write(response, HttpStatus.CONTENT_TOO_LARGE, message);
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }

    /** The request with a body that fails once more than {@code limit} bytes are read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private final String message;
        private @Nullable ServletInputStream bounded;

        Bounded(HttpServletRequest request, long limit, String message) {
            super(request);
            this.limit = limit;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedStream(super.getInputStream(), limit, message);
            }
            return bounded;
        }
    }

    /** The request with the body read already. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    Charset.forName(getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String message;
        private long read;

        BoundedStream(ServletInputStream in, long limit, String message) {
            this.in = in;
            this.limit = limit;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(message);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
