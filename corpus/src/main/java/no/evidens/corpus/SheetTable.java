package no.evidens.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * One sheet of a spreadsheet: a name and rows of cells, read from a TSV resource (first row is the
 * header). Its expected text is the sheet name, a blank line, then one line per row with the cells
 * separated by {@value #CELL_SEPARATOR}, as Evidens keeps them apart.
 */
record SheetTable(String name, List<List<String>> rows) {
    /** Between two cells of a row in the expected text. */
    static final String CELL_SEPARATOR = " | ";

    SheetTable {
        rows = rows.stream().map(List::copyOf).toList();
    }

    static SheetTable parse(String name, String tsv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : tsv.split("\\R")) {
            if (!line.isBlank()) {
                rows.add(List.of(line.split("\t", -1)));
            }
        }
        return new SheetTable(name, rows);
    }

    String expectedText() {
        StringBuilder text = new StringBuilder(name).append("\n\n");
        for (int i = 0; i < rows.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(String.join(CELL_SEPARATOR, rows.get(i)));
        }
        return text.toString();
    }

    static boolean isWholeNumber(String cell) {
        return cell.matches("[1-9][0-9]{0,8}|0");
    }
}
