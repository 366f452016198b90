package dev.latchkey.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks an API request's envelope before anything else reads it. A body is at most 64 KiB (a create call needs
 * well under 1 KiB): larger ones are answered 413 before anything parses them, whether they announce their length
 * or are sent in chunks. An {@code Accept} header that does not parse is a 406 here, where a problem body can
 * still be written, rather than an empty answer from content negotiation.
 */
final class ApiRequestGuard extends OncePerRequestFilter {

	static final int MAX_BODY_BYTES = 64 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ApiProblems.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!acceptParses(request)) {
			ApiProblems.write(response, ApiProblems.of(HttpStatus.NOT_ACCEPTABLE,
					"The Accept header is not a valid list of media types; use application/json"));
			return;
		}
		long declared = request.getContentLengthLong();
		boolean chunked = request.getHeader("Transfer-Encoding") != null;
		if (declared <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		if (declared > MAX_BODY_BYTES) {
			tooLarge(response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			tooLarge(response);
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private static boolean acceptParses(HttpServletRequest request) {
		var accepts = request.getHeaders(HttpHeaders.ACCEPT);
		try {
			while (accepts != null && accepts.hasMoreElements()) {
				MediaType.parseMediaTypes(accepts.nextElement());
			}
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static void tooLarge(HttpServletResponse response) throws IOException {
		// the rest of the body is not read: the connection is closed rather than drained
		response.setHeader("Connection", "close");
		ApiProblems.write(response, ApiProblems.of(HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body must be at most " + (MAX_BODY_BYTES / 1024) + " KiB"));
	}

	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
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
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
