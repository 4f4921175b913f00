package no.evidens.corpus;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** A minimal HTML5 page: the title as {@code <h1>}, one {@code <p>} per paragraph, all escaped. */
final class HtmlRenderer implements DocumentRenderer {

    @Override
    public byte[] render(SourceText text, String title, LocalDate date) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n")
            .append("<html lang=\"nb\">\n")
            .append("<head>\n")
            .append("<meta charset=\"utf-8\">\n")
            .append("<meta name=\"date\" content=\"").append(date).append("\">\n")
            .append("<title>").append(escape(title)).append("</title>\n")
            .append("</head>\n")
            .append("<body>\n")
            .append("<h1>").append(escape(text.title())).append("</h1>\n");
        for (String paragraph : text.body()) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        html.append("</body>\n").append("</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
