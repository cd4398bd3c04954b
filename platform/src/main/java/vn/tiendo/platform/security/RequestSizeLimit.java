package vn.tiendo.platform.security;

import vn.tiendo.platform.web.ProblemDetails;
import org.springframework.http.HttpStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses oversized bodies: 1 MB for JSON, 6 MB for file uploads (the importer's limit is 5 MB). A declared
 * Content-Length over the limit is refused before anything reads the body; a body without one (chunked) is counted
 * as it is read, and reading stops with {@link TooLarge} at the limit, which the services answer with 413.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    static final long JSON_LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = 6 * 1024 * 1024;

    /** Thrown while reading a body that goes past the limit. */
    public static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("the request body is larger than " + limit / 1024 / 1024 + " MB");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        /** The TooLarge somewhere in a chain of causes (Spring wraps what the body reader throws), if any. */
        public static Optional<TooLarge> in(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof TooLarge tooLarge) {
                    return Optional.of(tooLarge);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.startsWith("multipart/") ? UPLOAD_LIMIT : JSON_LIMIT;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        try {
            chain.doFilter(new Counted(request, limit), response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (TooLarge.in(e).isPresent() && !response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
                return;
            }
            throw e;
        }
    }

    static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        ProblemDetails.write(response, ProblemDetails.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Yêu cầu quá lớn / Request too large",
                "bodies up to " + limit / 1024 / 1024 + " MB are accepted"));
    }

    /** The request with a body stream that counts what is read and stops at the limit. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream body;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
