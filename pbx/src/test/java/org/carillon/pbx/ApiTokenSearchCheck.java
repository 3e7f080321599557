package org.carillon.pbx;

import org.carillon.platform.apitoken.ApiTokenScope;
import org.carillon.platform.apitoken.ApiTokens;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API token list's SQL search and paging, run on H2 ({@code PbxWebH2IT}) and PostgreSQL
 * ({@code PbxWebPostgresIT}): case is ignored, {@code _} and {@code %} typed in the box match themselves, pages
 * follow newest first.
 */
final class ApiTokenSearchCheck {
    private ApiTokenSearchCheck() {
    }

    static void searchIgnoresCaseEscapesWildcardsAndPages(ApiTokens tokens, long account) {
        String tag = "q" + System.nanoTime();
        List<Long> made = new ArrayList<>();
        for (String name : List.of(tag + "_a one", tag + "xa two", tag + "%b three")) {
            made.add(tokens.create(account, name, ApiTokenScope.parse("full")).token().id());
        }
        try {
            assertThat(tokens.page(account, tag.toUpperCase() + "_A", 0, 25)).extracting(t -> t.name())
                    .containsExactly(tag + "_a one");
            assertThat(tokens.count(account, tag + "%")).isEqualTo(1);
            assertThat(tokens.count(account, tag)).isEqualTo(3);
            assertThat(tokens.page(account, tag, 0, 2)).extracting(t -> t.name())
                    .containsExactly(tag + "%b three", tag + "xa two");
            assertThat(tokens.page(account, tag, 2, 2)).extracting(t -> t.name()).containsExactly(tag + "_a one");
        } finally {
            made.forEach(id -> tokens.revoke(account, id));
        }
    }
}
