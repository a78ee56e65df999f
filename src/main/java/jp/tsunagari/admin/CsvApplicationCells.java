package jp.tsunagari.admin;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.opendata.ProgramTable;
import jp.tsunagari.opendata.ProgramTable.Column;

/**
 * The application and schedule columns of a program table row into the program form: 申込方法, 申込先URL, the four
 * 問い合わせ columns, 必要書類 (one per line), 利用者の費用 (無料, 1500円 or a text), 終了年月 (2027-03 or 2027) and
 * 受付期間 (one per line, 2026-04-01/2026-05-31, 「毎年 」 first for a yearly one). A column left out of the file keeps
 * the program's value; an empty cell clears it. The form's own rules then check the values ({@link ImportCheck}).
 */
final class CsvApplicationCells {

    private static final Pattern AMOUNT = Pattern.compile("([0-9][0-9,]*)\\s*" + ProgramTable.YEN);
    private static final Pattern PERIOD = Pattern.compile("(" + ProgramTable.YEARLY + "\\s*)?(\\S+)\\s*[/～~]\\s*(\\S+)");

    private CsvApplicationCells() {
    }

    /** The form field ids (as in the error summary) these columns fill, for reporting a problem on its column. */
    static Column column(String formField) {
        if (formField.startsWith("periods-")) {
            return Column.PERIODS;
        }
        return switch (formField) {
            case "application-method" -> Column.APPLY_METHOD;
            case "application-applyUrl" -> Column.APPLY_URL;
            case "application-contactDepartment" -> Column.CONTACT_DEPARTMENT;
            case "application-contactPhone" -> Column.CONTACT_PHONE;
            case "application-contactEmail" -> Column.CONTACT_EMAIL;
            case "application-contactUrl" -> Column.CONTACT_URL;
            case "application-documents" -> Column.DOCUMENTS;
            case "application-cost", "application-costAmount", "application-costText" -> Column.COST;
            case "endYear", "endMonth" -> Column.END;
            default -> null;
        };
    }

    static void read(int line, Map<Column, String> cells, ProgramForm f, List<ImportPlan.Problem> problems) {
        ProgramForm.ApplicationForm a = f.application;
        a.method = cells.getOrDefault(Column.APPLY_METHOD, a.method);
        a.applyUrl = cells.getOrDefault(Column.APPLY_URL, a.applyUrl);
        a.contactDepartment = cells.getOrDefault(Column.CONTACT_DEPARTMENT, a.contactDepartment);
        a.contactPhone = cells.getOrDefault(Column.CONTACT_PHONE, a.contactPhone);
        a.contactEmail = cells.getOrDefault(Column.CONTACT_EMAIL, a.contactEmail);
        a.contactUrl = cells.getOrDefault(Column.CONTACT_URL, a.contactUrl);
        a.documents = cells.getOrDefault(Column.DOCUMENTS, a.documents);
        if (cells.containsKey(Column.COST)) {
            cost(cells.get(Column.COST), a);
        }
        if (cells.containsKey(Column.END)) {
            end(line, cells.get(Column.END), f, problems);
        }
        if (cells.containsKey(Column.PERIODS)) {
            periods(line, cells.get(Column.PERIODS), f, problems);
        }
    }

    private static void cost(String cell, ProgramForm.ApplicationForm a) {
        String c = cell.strip();
        Matcher amount = AMOUNT.matcher(c);
        a.cost = c.isEmpty() ? "" : c.equals(ProgramTable.FREE) ? "FREE" : amount.matches() ? "AMOUNT" : "TEXT";
        a.costAmount = amount.matches() ? amount.group(1).replace(",", "") : "";
        a.costText = "TEXT".equals(a.cost) ? c : "";
    }

    /** 終了年月 as 2027-03, 2027/03 or a year alone; empty clears it. */
    private static void end(int line, String cell, ProgramForm f, List<ImportPlan.Problem> problems) {
        String c = cell.strip().replace('/', '-');
        f.endYear = "";
        f.endMonth = "";
        if (c.matches("\\d{4}")) {
            f.endYear = c;
        } else if (!c.isEmpty()) {
            try {
                YearMonth ym = YearMonth.parse(c);
                f.endYear = Integer.toString(ym.getYear());
                f.endMonth = Integer.toString(ym.getMonthValue());
            } catch (DateTimeParseException e) {
                problems.add(new ImportPlan.Problem(line, Column.END.header(), "admin.import.error.yearMonth",
                        new Object[0]));
            }
        }
    }

    /** One 受付期間 per line; the dates themselves are checked by the form's rules. */
    private static void periods(int line, String cell, ProgramForm f, List<ImportPlan.Problem> problems) {
        f.periods.clear();
        for (String text : cell.split("\\R")) {
            if (text.isBlank()) {
                continue;
            }
            Matcher m = PERIOD.matcher(text.strip());
            if (!m.matches()) {
                problems.add(new ImportPlan.Problem(line, Column.PERIODS.header(), "admin.import.error.period",
                        new Object[] {text.strip()}));
                continue;
            }
            ProgramForm.PeriodForm p = new ProgramForm.PeriodForm();
            p.yearly = m.group(1) != null;
            p.start = m.group(2);
            p.end = m.group(3);
            f.periods.add(p);
        }
    }
}
