package vn.tiendo.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses oversized bodies before anything reads them: 1 MB for JSON, 6 MB for file uploads (the importer's limit is 5 MB). */
public class RequestSizeLimit extends OncePerRequestFilter {

    static final long JSON_LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = 6 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.startsWith("multipart/") ? UPLOAD_LIMIT : JSON_LIMIT;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, 413, "too-large", "Yêu cầu quá lớn / Request too large",
                    "bodies up to " + limit / 1024 / 1024 + " MB are accepted");
            return;
        }
        chain.doFilter(request, response);
    }
}
