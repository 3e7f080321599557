package org.carillon.pbx.paging;

import org.springframework.ui.Model;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a PBX admin list as its search form and the pager fragment ({@code pbx/pager.html}) show it: 25 rows a
 * page, the page number 0-based and clamped to the pages there are. {@link #of} cuts a list the PBX holds in memory
 * (teams, speed dials, parking lots, bans, feature codes); {@link #clamp} gives the page of a list paged in SQL.
 *
 * @param page  the page shown, 0-based
 * @param pages how many pages there are, at least 1
 * @param total how many rows match, on all pages
 */
public record ListPage<T>(List<T> rows, int page, int pages, long total) {
    public static final int SIZE = 25;

    /** The requested page (clamped) of rows already searched. */
    public static <T> ListPage<T> of(List<T> found, int requested) {
        int shown = clamp(requested, found.size());
        return new ListPage<>(found.subList(shown * SIZE, Math.min(found.size(), (shown + 1) * SIZE)), shown,
                pages(found.size()), found.size());
    }

    public static int pages(long total) {
        return (int) Math.max(1, (total + SIZE - 1) / SIZE);
    }

    /** The page to show for a requested one, when {@code total} rows match. */
    public static int clamp(int requested, long total) {
        return Math.clamp(requested, 0, pages(total) - 1);
    }

    public <R> ListPage<R> map(Function<? super T, ? extends R> row) {
        return new ListPage<>(rows.stream().<R>map(row).toList(), page, pages, total);
    }

    /** The rows under {@code rowsAttribute}, and the search text and pager values {@code q, page, pages, total}. */
    public void addTo(Model model, String rowsAttribute, String q) {
        model.addAttribute(rowsAttribute, rows);
        model.addAttribute("q", q);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
    }
}
