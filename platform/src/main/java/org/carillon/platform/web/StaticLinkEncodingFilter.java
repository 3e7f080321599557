package org.carillon.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.MappingMatch;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.context.support.ServletContextResource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring's {@link ResourceUrlEncodingFilter} (what Thymeleaf's {@code @{…}} links go through when the resource chain is
 * on: it writes {@code /webjars/bootstrap/css/…} as the versioned path) restricted to links that can name a static
 * file. Spring's own filter looks every link up as a resource, and the {@code /**} static mapping matches every link,
 * so each {@code @{/invoices/{id}/pdf}} of a table was a miss searched through every jar of the class path on every
 * request (misses are not cached): 50–80 % of the portal's CPU per page in the {@code bench/portal} profile (issue 8).
 *
 * <p>Here a link goes to the resource lookup only when its first path segment is one that a resource mapping can
 * serve: the fixed first segment of a mapping such as {@code /webjars/**}, or, for a {@code /**} mapping, a top-level
 * name in one of its class-path or servlet-context locations, listed once. Any other link comes out exactly as Spring's
 * filter returned it for a miss, the container's {@code encodeURL} of the link. A mapping or location this class cannot
 * list (a {@code file:} folder that may change at run time, a pattern starting with a wildcard) turns the shortcut off
 * and every link is looked up as before. Thread-safe; the set of names is computed on the first request.
 *
 * <p>A static link's versioned form is also kept once resolved, by link and lookup prefix (the context path, plus the
 * servlet path under a path mapping such as {@code /app/*}): every page's head names the same five files, and each
 * look-up walked the resource mappings' patterns and the resolver chain again (~5 % of a page's CPU in the
 * {@code bench/portal} profile, issue 8). The resolvers' answer for a class-path or servlet-context file does not change
 * while the application runs; when a location cannot be listed (a {@code file:} folder) nothing is kept. A response
 * that rewrites links (a session id in the URL) gets Spring's answer, not a kept one. At most
 * {@value #MAX_RESOLVED} links are kept; beyond that they are looked up every time.
 */
public final class StaticLinkEncodingFilter extends ResourceUrlEncodingFilter {
    /** Resolved static links kept at most (a page names a handful; the bound only stops a flood of odd links). */
    static final int MAX_RESOLVED = 1024;
    /** First path segments that can name a static file; {@code Optional.empty()} means "any segment". */
    private volatile Optional<Set<String>> roots;
    private final Map<ResolvedKey, String> resolved = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse original)) {
            super.doFilter(request, response, chain);
            return;
        }
        super.doFilter(request, response, (req, wrapped) -> chain.doFilter(req,
                new StaticOnly((HttpServletResponse) wrapped, original, http)));
    }

    private final class StaticOnly extends HttpServletResponseWrapper {
        private final HttpServletResponse original;
        private final HttpServletRequest request;

        StaticOnly(HttpServletResponse encoding, HttpServletResponse original, HttpServletRequest request) {
            super(encoding);
            this.original = original;
            this.request = request;
        }

        @Override
        public String encodeURL(String url) {
            if (!mayNameStaticFile(request, url)) {
                return original.encodeURL(url);
            }
            Optional<Set<String>> known = roots;
            if (known == null || known.isEmpty() || !url.equals(original.encodeURL(url))) {
                return super.encodeURL(url);    // nothing listed, or links rewritten: Spring's answer, not kept
            }
            ResolvedKey key = new ResolvedKey(lookupPrefix(request), url);
            String link = resolved.get(key);
            if (link == null) {
                link = super.encodeURL(url);
                if (resolved.size() < MAX_RESOLVED) {
                    resolved.putIfAbsent(key, link);
                }
            }
            return link;
        }
    }

    /**
     * What Spring's filter strips from a link before the look-up: the context path, and the servlet path when the
     * request came through a path mapping ({@code UrlPathHelper}'s lookup path is then below it).
     */
    static String lookupPrefix(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null && mapping.getMappingMatch() == MappingMatch.PATH
                ? request.getContextPath() + request.getServletPath() : request.getContextPath();
    }

    /** Number of resolved static links kept (for tests). */
    int resolvedLinks() {
        return resolved.size();
    }

    private record ResolvedKey(String lookupPrefix, String url) {
    }

    boolean mayNameStaticFile(HttpServletRequest request, String url) {
        Optional<Set<String>> known = roots;
        if (known == null) {
            if (!(request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
                    instanceof ResourceUrlProvider provider) || provider.getHandlerMap().isEmpty()) {
                return true;   // outside a handler (or before the mappings are known): Spring's own behaviour
            }
            known = roots(provider.getHandlerMap());
            roots = known;
        }
        return known.isEmpty() || known.get().contains(firstSegment(request.getContextPath(), url));
    }

    /** The first path segment of a link below the context path, or "" when it has none or is not such a link. */
    static String firstSegment(String contextPath, String url) {
        if (!url.startsWith(contextPath + "/")) {
            return "";
        }
        int start = contextPath.length() + 1;
        int end = start;
        while (end < url.length() && "/?#;".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start, end);
    }

    /** The first segments the resource mappings can serve, or empty when some mapping cannot be listed. */
    static Optional<Set<String>> roots(Map<String, ResourceHttpRequestHandler> mappings) {
        Set<String> roots = new HashSet<>();
        for (var mapping : mappings.entrySet()) {
            String pattern = mapping.getKey();
            if (pattern.equals("/**")) {
                for (Resource location : mapping.getValue().getLocations()) {
                    Optional<Set<String>> names = topLevelNames(location);
                    if (names.isEmpty()) {
                        return Optional.empty();
                    }
                    roots.addAll(names.get());
                }
            } else {
                int end = pattern.indexOf('/', 1);
                String first = end < 0 ? pattern.substring(1) : pattern.substring(1, end);
                if (first.isEmpty() || first.contains("*") || first.contains("{") || first.contains("?")) {
                    return Optional.empty();
                }
                roots.add(first);
            }
        }
        return Optional.of(Set.copyOf(roots));
    }

    private static Optional<Set<String>> topLevelNames(Resource location) {
        Set<String> names = new HashSet<>();
        if (location instanceof ClassPathResource classPath) {
            // every jar's copy of the folder, as ClassLoader.getResource searches them all
            String folder = classPath.getPath().endsWith("/") ? classPath.getPath() : classPath.getPath() + "/";
            try {
                for (Resource child : new PathMatchingResourcePatternResolver(classPath.getClassLoader())
                        .getResources("classpath*:" + folder + "*")) {
                    String name = child.getFilename();
                    if (name != null && !name.isEmpty()) {
                        names.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.of(names);
        }
        if (location instanceof ServletContextResource servlet) {
            String folder = servlet.getPath().endsWith("/") ? servlet.getPath() : servlet.getPath() + "/";
            Set<String> paths = servlet.getServletContext().getResourcePaths(folder);
            if (paths != null) {
                for (String path : paths) {
                    String rest = path.substring(folder.length());
                    names.add(rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
                }
            }
            return Optional.of(names);
        }
        return Optional.empty();
    }
}
