package org.takedown.common;

/** One CSV cell (RFC 4180), made inert for spreadsheets: text that would start a formula is prefixed with a quote. */
public final class CsvCell {

    private CsvCell() {}

    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
