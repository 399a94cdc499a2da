package io.eventgate.web.body;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at a limit and checks JSON bodies for strict UTF-8, both while the body is read. A declared
 * {@code Content-Length} over the cap fails on the first read, before anything is buffered; a chunked body fails as
 * soon as the streamed bytes pass it. Either way the failure surfaces where the body is read, so the service's one
 * exception handler answers it (413, 400 or 415) and nothing is read ahead of authentication.
 */
public class RequestBodyFilter extends OncePerRequestFilter {

    private final long limit;

    public RequestBodyFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new CheckedRequest(request, limit), response);
    }

    private static final class CheckedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream checked;

        CheckedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (checked == null) {
                checked = new CheckedInputStream(super.getInputStream(), getContentLengthLong(), limit, json(getContentType()));
            }
            return checked;
        }

        /** The same checks for a caller that reads characters: they come from the checked stream. */
        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset)));
        }
    }

    /** What the JSON check needs to know about the body: whether it is JSON and, if so, a wrong charset. */
    private record JsonBody(boolean json, String foreignCharset) {
    }

    private static JsonBody json(String contentType) {
        if (contentType == null) {
            return new JsonBody(false, null);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return new JsonBody(false, null); // Spring MVC answers 415 for it; nothing to check here
        }
        boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
        String charset = type.getParameter("charset");
        boolean foreign = charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(unquote(charset));
        return new JsonBody(json, json && foreign ? charset : null);
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static final class CheckedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long declaredLength;
        private final long limit;
        private final JsonBody body;
        private final Utf8Check utf8;
        private long count;

        CheckedInputStream(ServletInputStream delegate, long declaredLength, long limit, JsonBody body) {
            this.delegate = delegate;
            this.declaredLength = declaredLength;
            this.limit = limit;
            this.body = body;
            this.utf8 = body.json() ? new Utf8Check() : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            before();
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new BodyTooLargeException(limit);
                }
                if (utf8 != null) {
                    utf8.update(buffer, offset, n);
                }
            } else if (n < 0 && utf8 != null) {
                utf8.finish();
            }
            return n;
        }

        private void before() throws IOException {
            if (declaredLength > limit) {
                throw new BodyTooLargeException(limit);
            }
            if (body.foreignCharset() != null) {
                throw new UnsupportedBodyCharsetException(body.foreignCharset());
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
