package org.carillon.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        var request = new MockHttpServletRequest("GET", "/page");
        List<String> out = new ArrayList<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            req.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, provider);
            Function<String, String> encode = ((HttpServletResponse) res)::encodeURL;
            LINKS.forEach(link -> out.add(encode.apply(link)));
        });
        return out;
    }

    private static ResourceUrlProvider provider() throws Exception {
        ResourceHttpRequestHandler webjars = handler(new ClassPathResource("META-INF/resources/webjars/"));
        webjars.setResourceResolvers(List.of(new LiteWebJarsResourceResolver(), new PathResourceResolver()));
        webjars.afterPropertiesSet();
        ResourceHttpRequestHandler statics = handler(new ClassPathResource("static/"),
                new ClassPathResource("public/"), new ClassPathResource("META-INF/resources/"));
        var provider = new ResourceUrlProvider();
        provider.setHandlerMap(Map.of("/webjars/**", webjars, "/**", statics));
        assertThat(Set.copyOf(provider.getHandlerMap().values())).hasSize(2);
        return provider;
    }

    private static ResourceHttpRequestHandler handler(ClassPathResource... locations) throws Exception {
        var handler = new ResourceHttpRequestHandler();
        handler.setLocations(List.of(locations));
        handler.afterPropertiesSet();
        return handler;
    }
}
