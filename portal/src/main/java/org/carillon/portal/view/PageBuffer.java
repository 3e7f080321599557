package org.carillon.portal.view;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A response whose writer keeps the page in a {@code char[]} sized up front, for {@link BufferedPageView}: the page
 * reaches the real response in one write once the template has rendered, so a template error still leaves the
 * response uncommitted (the error page can be sent) and the security filters' response wrappers see one write instead
 * of thousands. Everything but the writer (content type, headers, {@code encodeURL}) goes to the wrapped response.
 */
final class PageBuffer extends HttpServletResponseWrapper {
    private final PageWriter writer;

    PageBuffer(HttpServletResponse response, int initialChars) {
        super(response);
        this.writer = new PageWriter(initialChars);
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    /** Characters written so far. */
    int length() {
        return writer.length;
    }

    /** What was written so far. */
    String text() {
        return new String(writer.chars, 0, writer.length);
    }

    /**
     * Writes the page to the wrapped response in one call: a UTF-8 page as bytes encoded here ({@link Utf8}, instead
     * of the container's encoder) with its length, so it is sent with a {@code Content-Length} rather than chunked;
     * a page in another character set, into another page buffer (the side menu, {@link MenuCache}), or to a response
     * whose writer is already in use (an error page after a handler wrote), through the response's writer.
     */
    void writeTo(HttpServletResponse response) throws IOException {
        ServletOutputStream bytes = null;
        if (!(response instanceof PageBuffer)
                && StandardCharsets.UTF_8.name().equalsIgnoreCase(response.getCharacterEncoding())) {
            try {
                bytes = response.getOutputStream();
            } catch (IllegalStateException writerInUse) {
                bytes = null;
            }
        }
        if (bytes != null) {
            Utf8.Encoded page = Utf8.encode(writer.chars, writer.length);
            response.setContentLength(page.length());
            bytes.write(page.bytes(), 0, page.length());
            bytes.flush();
        } else {
            PrintWriter out = response.getWriter();
            out.write(writer.chars, 0, writer.length);
            out.flush();
        }
    }

    /**
     * Appends to the array without {@link PrintWriter}'s lock and open check per call (one request, one thread);
     * {@code flush} and {@code close} do nothing, the page is only written out by {@link #writeTo}.
     */
    private static final class PageWriter extends PrintWriter {
        private char[] chars;
        private int length;

        PageWriter(int initialChars) {
            super(Writer.nullWriter());
            this.chars = new char[initialChars];
        }

        private void ensure(int more) {
            int needed = length + more;
            if (needed > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
            }
        }

        @Override
        public void write(int c) {
            ensure(1);
            chars[length++] = (char) c;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            ensure(len);
            System.arraycopy(buf, off, chars, length, len);
            length += len;
        }

        @Override
        public void write(char[] buf) {
            write(buf, 0, buf.length);
        }

        @Override
        public void write(String s, int off, int len) {
            ensure(len);
            s.getChars(off, off + len, chars, length);
            length += len;
        }

        @Override
        public void write(String s) {
            write(s, 0, s.length());
        }

        @Override
        public PrintWriter append(CharSequence csq) {
            String s = String.valueOf(csq);
            write(s, 0, s.length());
            return this;
        }

        @Override
        public PrintWriter append(CharSequence csq, int start, int end) {
            return append(csq == null ? "null".subSequence(start, end) : csq.subSequence(start, end));
        }

        @Override
        public PrintWriter append(char c) {
            write(c);
            return this;
        }

        @Override
        public void println() {
            write(System.lineSeparator());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean checkError() {
            return false;
        }
    }
}
