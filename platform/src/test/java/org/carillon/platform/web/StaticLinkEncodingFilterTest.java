package org.carillon.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class StaticLinkEncodingFilterTest {
    private static final List<String> LINKS = List.of("/webjars/bootstrap/css/bootstrap.min.css",
            "/webjars/htmx.org/dist/htmx.min.js", "/css/carillon.css", "/js/carillon.js?v=1", "/", "/invoices",
            "/invoices/42/pdf", "/invoices?number=&page=2", "/login", "/css", "https://example.com/css/x.css",
            "/missing/file.css", "/css/missing.css");

    @Test
    void linksComeOutExactlyAsSpringsOwnFilterWritesThem() throws Exception {
        ResourceUrlProvider provider = provider();
        List<String> spring = encode(new ResourceUrlEncodingFilter(), provider);
        List<String> ours = encode(new StaticLinkEncodingFilter(), provider);
        assertThat(ours).isEqualTo(spring);
        assertThat(ours.getFirst()).matches("/webjars/bootstrap/[0-9.]+/css/bootstrap.min.css");
    }

    @Test
    void aStaticLinkIsResolvedOncePerLookupPrefixAndComesOutAsSpringWritesIt() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        ResourceUrlProvider provider = provider(lookups);
        List<String> spring = encode(new ResourceUrlEncodingFilter(), provider, "", new MockHttpServletResponse());
        var ours = new StaticLinkEncodingFilter();
        assertThat(encode(ours, provider, "", new MockHttpServletResponse())).isEqualTo(spring);
        int first = lookups.get();
        assertThat(first).isPositive();
        assertThat(encode(ours, provider, "", new MockHttpServletResponse())).isEqualTo(spring);
        assertThat(lookups.get()).isEqualTo(first);   // issue 8: the second page resolves nothing again
        int kept = ours.resolvedLinks();
        assertThat(kept).isPositive();

        List<String> springUnderApp = encode(new ResourceUrlEncodingFilter(), provider, "/app",
                new MockHttpServletResponse());
        assertThat(encode(ours, provider, "/app", new MockHttpServletResponse())).isEqualTo(springUnderApp);
        assertThat(ours.resolvedLinks()).isEqualTo(2 * kept);
    }

    @Test
    void aResponseThatRewritesLinksGetsSpringsAnswerAndNothingIsKept() throws Exception {
        ResourceUrlProvider provider = provider(new AtomicInteger());
        List<String> spring = encode(new ResourceUrlEncodingFilter(), provider, "", new SessionInUrl());
        var ours = new StaticLinkEncodingFilter();
        assertThat(encode(ours, provider, "", new SessionInUrl())).isEqualTo(spring);
        assertThat(spring.getFirst()).endsWith(";jsessionid=1");
        assertThat(ours.resolvedLinks()).isZero();
    }

    @Test
    void onlyTheResourceMappingsFirstSegmentsAreLookedUp() throws Exception {
        var roots = StaticLinkEncodingFilter.roots(provider().getHandlerMap()).orElseThrow();
        assertThat(roots).contains("webjars", "css", "js").doesNotContain("invoices", "login", "");
    }

    @Test
    void aMappingThatCannotBeListedLooksEveryLinkUp() throws Exception {
        ResourceHttpRequestHandler odd = handler(new ClassPathResource("static/"));
        var provider = new ResourceUrlProvider();
        provider.setHandlerMap(Map.of("/*/files/**", odd));
        assertThat(StaticLinkEncodingFilter.roots(provider.getHandlerMap())).isEmpty();
    }

    @Test
    void firstSegmentIsTakenBelowTheContextPath() {
        assertThat(StaticLinkEncodingFilter.firstSegment("", "/css/x.css")).isEqualTo("css");
        assertThat(StaticLinkEncodingFilter.firstSegment("", "/favicon.ico?x")).isEqualTo("favicon.ico");
        assertThat(StaticLinkEncodingFilter.firstSegment("/app", "/app/js/x.js")).isEqualTo("js");
        assertThat(StaticLinkEncodingFilter.firstSegment("/app", "/js/x.js")).isEqualTo("");
        assertThat(StaticLinkEncodingFilter.firstSegment("", "/")).isEqualTo("");
        assertThat(StaticLinkEncodingFilter.firstSegment("", "relative/x")).isEqualTo("");
    }

    private static List<String> encode(ResourceUrlEncodingFilter filter, ResourceUrlProvider provider)
            throws Exception {
        return encode(filter, provider, "", new MockHttpServletResponse());
    }

    /** The links as a page under this context path writes them (each under the context path too). */
    private static List<String> encode(ResourceUrlEncodingFilter filter, ResourceUrlProvider provider,
                                       String contextPath, MockHttpServletResponse response) throws Exception {
        var request = new MockHttpServletRequest("GET", contextPath + "/page");
        request.setContextPath(contextPath);
        List<String> out = new ArrayList<>();
        filter.doFilter(request, response, (req, res) -> {
            req.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, provider);
            Function<String, String> encode = ((HttpServletResponse) res)::encodeURL;
            LINKS.forEach(link -> out.add(encode.apply(link.startsWith("/") ? contextPath + link : link)));
        });
        return out;
    }

    private static ResourceUrlProvider provider() throws Exception {
        return provider(new AtomicInteger());
    }

    /** Resource mappings as Boot's (webjars and the static folders); {@code lookups} counts URL resolutions. */
    private static ResourceUrlProvider provider(AtomicInteger lookups) throws Exception {
        ResourceResolver counting = new ResourceResolver() {
            @Override
            public Resource resolveResource(HttpServletRequest request, String path,
                                            List<? extends Resource> locations, ResourceResolverChain chain) {
                return chain.resolveResource(request, path, locations);
            }

            @Override
            public String resolveUrlPath(String path, List<? extends Resource> locations,
                                         ResourceResolverChain chain) {
                lookups.incrementAndGet();
                return chain.resolveUrlPath(path, locations);
            }
        };
        ResourceHttpRequestHandler webjars = handler(new ClassPathResource("META-INF/resources/webjars/"));
        webjars.setResourceResolvers(List.of(counting, new LiteWebJarsResourceResolver(),
                new PathResourceResolver()));
        webjars.afterPropertiesSet();
        ResourceHttpRequestHandler statics = handler(new ClassPathResource("static/"),
                new ClassPathResource("public/"), new ClassPathResource("META-INF/resources/"));
        statics.setResourceResolvers(List.of(counting, new PathResourceResolver()));
        statics.afterPropertiesSet();
        var provider = new ResourceUrlProvider();
        provider.setHandlerMap(Map.of("/webjars/**", webjars, "/**", statics));
        assertThat(Set.copyOf(provider.getHandlerMap().values())).hasSize(2);
        return provider;
    }

    /** A container that keeps the session in the URL (no cookie). */
    private static final class SessionInUrl extends MockHttpServletResponse {
        @Override
        public String encodeURL(String url) {
            return url + ";jsessionid=1";
        }
    }

    private static ResourceHttpRequestHandler handler(ClassPathResource... locations) throws Exception {
        var handler = new ResourceHttpRequestHandler();
        handler.setLocations(List.of(locations));
        handler.afterPropertiesSet();
        return handler;
    }
}
