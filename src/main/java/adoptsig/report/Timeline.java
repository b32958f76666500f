package adoptsig.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a behaviour as an SVG timeline that reads without hovering: one horizontal lifeline per
 * process (a PID reused is a new lifeline with the same number), coloured by service, solid while
 * running and dashed while a zombie, crossed where reaped; a fork is a branch from the parent's
 * line; a reparenting is a dotted link from the new parent. Under the lifelines a numbered table
 * says what happens at each step, what init has pending and what it believes after it; the step
 * where the property breaks is marked in a colour no service uses, and the loop of a temporal
 * counterexample is an arrow back to the step the behaviour returns to. A legend closes every
 * picture.
 *
 * <p>Every text is written in a monospace font whose advance is known ({@link #EM}), so that its
 * box follows from the layout ({@link #box}); the layout puts each text in a row or column of its
 * own, and a test checks from the SVG that no two boxes meet and none leaves the canvas. Elements
 * carry classes and data attributes (lifeline, fork, reparent, breaks, loop, steps, legend) so
 * that tests check structure, not pixels.
 */
public final class Timeline {
    /** The Okabe-Ito palette (colour-blind safe); vermillion is kept for the violation mark. */
    static final String BLACK = "#000000", BLUE = "#0072B2", ORANGE = "#E69F00", GREEN = "#009E73", PURPLE = "#CC79A7",
            SKY = "#56B4E9", VERMILLION = "#D55E00", GREY = "#888888";
    /** The colour of the violation mark; no service has it. */
    public static final String VIOLATION = VERMILLION;
    /** The colour of a temporal counterexample's loop. */
    static final String LOOP = "#555555";
    private static final String[] OTHERS = {BLUE, GREEN, ORANGE, PURPLE, SKY};

    /** Advance of one character of the font, in em (DejaVu Sans Mono: 0.602; Liberation Mono, Courier: 0.600), with a margin. */
    public static final double EM = 0.62;
    /** A text's box above and below its baseline, in em. */
    public static final double ASCENT = 0.80, DESCENT = 0.25;
    static final String FONT = "DejaVu Sans Mono, Liberation Mono, Menlo, Consolas, monospace";

    /** The spacing of a picture: column per step, lane per process, font size, table row, padding. */
    record Spacing(int step, int lane, int font, int row, int pad) {
        static final Spacing DEFAULT = new Spacing(34, 22, 11, 15, 6);
    }

    /** A text's box on the canvas. */
    public record Box(double x0, double y0, double x1, double y1, String text) {
        public boolean meets(Box o) { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    }

    /** The box of a text drawn at (x, y) (y: the baseline) in this font size, anchored start, middle or end. */
    public static Box box(double x, double y, double size, String anchor, String text) {
        double w = text.length() * EM * size;
        double x0 = switch (anchor) { case "middle" -> x - w / 2; case "end" -> x - w; default -> x; };
        return new Box(x0, y - ASCENT * size, x0 + w, y + DESCENT * size, text);
    }

    static double width(String text, int size) { return text.length() * EM * size; }

    /** The colour of a service, by its name, the same in every picture (init black, strangers' processes from the other end). */
    public static String colour(String service) {
        return switch (service) {
            case "init" -> BLACK;
            case "a" -> BLUE;
            case "b" -> GREEN;
            case "c" -> ORANGE;
            case "x" -> PURPLE;
            case "y" -> SKY;
            case "none" -> GREY;
            default -> OTHERS[Math.floorMod(service.hashCode(), OTHERS.length)];
        };
    }

    /** One lifeline: a PID from the step it came into use to the step it was freed (or the end). */
    public record Life(int pid, int incarnation, String service, int from, int to, int lane) {}

    /**
     * How a temporal counterexample goes on for ever: back to step {@code to} (0-based, as the
     * pictures number steps) after the last; {@code to} equal to the last step: it stays there.
     */
    public record Loop(int to) {}

    private Timeline() {}

    /** The lifelines of a behaviour, in the order they start (init first). */
    public static List<Life> lives(List<Frame> frames) {
        List<Life> out = new ArrayList<>();
        Map<Integer, Integer> open = new LinkedHashMap<>();   // pid -> index in out
        Map<Integer, Integer> count = new LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            for (Frame.P p : f.procs()) {
                if (!open.containsKey(p.pid())) {
                    int n = count.merge(p.pid(), 1, Integer::sum);
                    open.put(p.pid(), out.size());
                    out.add(new Life(p.pid(), n, p.service(), i, frames.size() - 1, out.size()));
                }
            }
            for (var e : new ArrayList<>(open.entrySet())) {
                if (f.proc(e.getKey()) == null) {
                    Life l = out.get(e.getValue());
                    out.set(e.getValue(), new Life(l.pid(), l.incarnation(), l.service(), l.from(), i, l.lane()));
                    open.remove(e.getKey());
                }
            }
        }
        return out;
    }

    /** The canvas: SVG elements and the boxes of the texts written so far. */
    static final class Canvas {
        final StringBuilder b = new StringBuilder();
        final List<Box> boxes = new ArrayList<>();
        final Spacing sp;
        double right, bottom;

        Canvas(Spacing sp) { this.sp = sp; }

        /** A text; attrs: further attributes (class, fill, font-weight), already escaped. */
        void text(double x, double y, int size, String anchor, String s, String attrs) {
            Box bx = box(x, y, size, anchor, s);
            boxes.add(bx);
            extend(bx.x1(), bx.y1());
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s%s%s>%s</text>%n", x, y,
                    size == sp.font() ? "" : " font-size=\"" + size + "\"", anchor.equals("start") ? "" : " text-anchor=\"" + anchor + "\"",
                    attrs.isEmpty() ? "" : " " + attrs, esc(s)));
        }

        void raw(String svg) { b.append(svg).append('\n'); }

        void line(double x1, double y1, double x2, double y2, String stroke, double width, String extra) {
            extend(Math.max(x1, x2), Math.max(y1, y2));
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                    x1, y1, x2, y2, stroke, fmt(width), extra.isEmpty() ? "" : " " + extra));
        }

        void rect(double x, double y, double w, double h, String fill, String extra) {
            extend(x + w, y + h);
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s/>%n",
                    x, y, w, h, fill, extra.isEmpty() ? "" : " " + extra));
        }

        /** A cross of half-size r at (x, y): where a process was reaped. */
        void cross(double x, double y, double r, String stroke, String cls) {
            extend(x + r, y + r);
            b.append(String.format(Locale.ROOT, "<path class=\"%s\" d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    cls, x - r, y - r, x + r, y + r, x - r, y + r, x + r, y - r, stroke));
        }

        void extend(double x, double y) {
            right = Math.max(right, x);
            bottom = Math.max(bottom, y);
        }
    }

    /** The SVG of one behaviour; breaks: the property that fails at the last step (null: none); loop: how it goes on for ever (null: it does not). */
    public static String svg(List<Frame> frames, String title, String breaks, Loop loop) {
        return svg(frames, title, breaks, loop, Spacing.DEFAULT);
    }

    public static String svg(List<Frame> frames, String title, String breaks) { return svg(frames, title, breaks, null); }

    static String svg(List<Frame> frames, String title, String breaks, Loop loop, Spacing sp) {
        Canvas c = new Canvas(sp);
        c.text(sp.pad(), sp.pad() + 13 * ASCENT, 13, "start", title, "font-weight=\"bold\"");
        double y = body(c, frames, breaks, loop, c.bottom + sp.pad());
        Set<String> services = new LinkedHashSet<>();
        for (Life l : lives(frames)) services.add(l.service());
        legend(c, services, breaks == null ? null : "breaks", loop != null, y + sp.pad());
        return wrap(c, title, "timeline");
    }

    private static String wrap(Canvas c, String title, String cls) {
        int w = (int) Math.ceil(c.right + c.sp.pad()), h = (int) Math.ceil(c.bottom + c.sp.pad());
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"%s\" font-size=\"%d\">%n<title>%s</title>%n<rect class=\"background\" x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
                cls, w, h, w, h, FONT, c.sp.font(), esc(title), w, h) + c.b + "</svg>\n";
    }

    /** The width of the lane labels' column. */
    private static double labelColumn(List<Life> lives, Spacing sp) {
        double w = 0;
        for (Life l : lives) w = Math.max(w, width(laneLabel(l), sp.font()));
        return sp.pad() + w + sp.pad() + sp.step() / 2.0;
    }

    private static String laneLabel(Life l) {
        return (l.pid() == 1 ? "init (1)" : "PID " + l.pid() + " (" + l.service() + ")") + (l.incarnation() > 1 ? " again" : "");
    }

    /**
     * Draws a behaviour (lifelines, then its step table) with its top at y0; returns its bottom.
     * The step table's rows: what happens, with each reparenting said; init's pending signals and
     * beliefs after the step (grey where unchanged).
     */
    static double body(Canvas c, List<Frame> frames, String breaks, Loop loop, double y0) {
        Spacing sp = c.sp;
        List<Life> lives = lives(frames);
        int n = Math.max(frames.size(), 1);
        double left = labelColumn(lives, sp);
        double y = y0;
        double lastX = left + sp.step() * (n - 1);
        // the loop, above the step numbers: an arrow from the last step back to the step it returns to
        if (loop != null && !frames.isEmpty()) {
            double band = sp.row() + 10;
            double ya = y + band - 3, top = y + 3;
            double xt = left + sp.step() * loop.to();
            String label = loop.to() == frames.size() - 1 ? "then step " + loop.to() + " again, for ever" : "back to step " + loop.to() + ", for ever";
            String d = loop.to() == frames.size() - 1
                    ? String.format(Locale.ROOT, "M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f", lastX - 4, ya, lastX - 14, top, lastX + 14, top, lastX + 4, ya)
                    : String.format(Locale.ROOT, "M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f", lastX, ya, lastX, top, xt, top, xt, ya);
            c.raw(String.format(Locale.ROOT, "<g class=\"loop\" data-to=\"%d\"><path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>"
                            + "<path d=\"M%.1f %.1fl-4 -7h8z\" fill=\"%s\"/></g>",
                    loop.to(), d, LOOP, loop.to() == frames.size() - 1 ? lastX + 4 : xt, ya + 1, LOOP));
            c.extend(lastX + 14, ya);
            c.text(lastX + 18, y + sp.row(), sp.font(), "start", label, "class=\"loop-label\" fill=\"" + LOOP + "\"");
            y += band;
        }
        // the step numbers, a column each
        double yn = y + sp.row() - 3;
        double lanesTop = y + sp.row() + sp.lane() / 2.0;
        double lanesBottom = lanesTop + sp.lane() * Math.max(lives.size() - 1, 0) + sp.lane() / 2.0;
        for (int i = 0; i < frames.size(); i++) {
            double x = left + sp.step() * i;
            c.raw(String.format(Locale.ROOT, "<g class=\"step\" data-step=\"%d\"><title>%d. %s</title>", i, i, esc(frames.get(i).step())));
            c.rect(x - sp.step() / 2.0, y, sp.step(), lanesBottom - y, i % 2 == 0 ? "#f2f2f2" : "#ffffff", "");
            c.text(x, yn, sp.font(), "middle", Integer.toString(i), "fill=\"#555555\"");
            c.raw("</g>");
        }
        // the lifelines
        for (Life l : lives) {
            double ly = lanesTop + sp.lane() * l.lane();
            String col = colour(l.service());
            c.raw(String.format(Locale.ROOT, "<g class=\"lifeline\" data-pid=\"%d\" data-incarnation=\"%d\" data-service=\"%s\" data-colour=\"%s\">",
                    l.pid(), l.incarnation(), esc(l.service()), col));
            c.text(sp.pad(), ly + sp.font() * 0.35, sp.font(), "start", laneLabel(l), "fill=\"" + col + "\"");
            int last = l.to() < frames.size() - 1 || frames.get(l.to()).proc(l.pid()) == null ? l.to() - 1 : l.to();
            for (int i = l.from(); i <= last; i++) {
                Frame.P p = frames.get(i).proc(l.pid());
                if (p == null) break;
                double x1 = left + sp.step() * i, x2 = i == last ? x1 + sp.step() / 2.0 : x1 + sp.step();
                c.line(x1, ly, x2, ly, col, p.zombie() ? 2 : 4, p.zombie() ? "stroke-dasharray=\"4 3\" class=\"zombie\"" : "");
            }
            if (l.to() < frames.size() - 1 || frames.get(frames.size() - 1).proc(l.pid()) == null) {
                c.cross(left + sp.step() * l.to(), ly, 4, col, "reaped");
            }
            c.raw("</g>");
        }
        // forks and reparentings: links between lifelines
        List<String> adopted = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) adopted.add("");
        for (int i = 0; i < frames.size(); i++) {
            for (Frame.P p : frames.get(i).procs()) {
                Life child = lifeAt(lives, p.pid(), i);
                if (child == null || p.parent() == 0) continue;
                Life parent = lifeAt(lives, p.parent(), i);
                if (parent == null) continue;
                double x = left + sp.step() * i;
                double yc = lanesTop + sp.lane() * child.lane(), yp = lanesTop + sp.lane() * parent.lane();
                if (child.from() == i && i > 0) {
                    c.raw(String.format(Locale.ROOT, "<line class=\"fork\" data-parent=\"%d\" data-child=\"%d\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                            p.parent(), p.pid(), x, yp, x, yc, colour(child.service())));
                } else if (i > 0 && child.from() < i) {
                    Frame.P before = frames.get(i - 1).proc(p.pid());
                    if (before != null && before.parent() != p.parent()) {
                        c.raw(String.format(Locale.ROOT, "<g class=\"reparent\" data-pid=\"%d\" data-to=\"%d\"><title>%d adopted by %d</title>"
                                        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555555\" stroke-dasharray=\"1.5 3\" stroke-width=\"2\"/></g>",
                                p.pid(), p.parent(), p.pid(), p.parent(), x, yp, x, yc));
                        String said = p.pid() + " adopted by " + (p.parent() == 1 ? "init" : Integer.toString(p.parent()));
                        if (!frames.get(i).step().contains(said)) adopted.set(i, adopted.get(i) + "; " + said);
                    }
                }
            }
        }
        if (breaks != null && !frames.isEmpty()) {
            double x = lastX + sp.step() / 2.0;
            c.raw(String.format(Locale.ROOT, "<g class=\"breaks\" data-property=\"%s\" data-step=\"%d\" data-colour=\"%s\">", esc(breaks), frames.size() - 1, VIOLATION));
            c.line(x, y, x, lanesBottom, VIOLATION, 3, "");
            c.text(x + 4, yn, sp.font(), "start", breaks + " breaks", "fill=\"" + VIOLATION + "\" font-weight=\"bold\"");
            c.raw("</g>");
        }
        // the step table
        double yt = lanesBottom + sp.row();
        List<String> what = new ArrayList<>(), pend = new ArrayList<>(), bel = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            what.add(f.step() + adopted.get(i));
            pend.add(f.pending().isEmpty() ? "none" : f.pending());
            bel.add(f.beliefs().isEmpty() ? "-" : f.beliefs());
        }
        int rows = frames.size();
        String verdict = breaks == null || rows == 0 ? null : loop == null ? breaks + " breaks at step " + (rows - 1) + "."
                : loop.to() == rows - 1 ? breaks + " fails: after step " + (rows - 1) + " nothing changes, for ever."
                : breaks + " fails: steps " + (loop.to() + 1) + " to " + (rows - 1) + " and back to step " + loop.to() + " repeat for ever.";
        return table(c, yt, List.of("step", "what happens", "init's pending signals after it", "init believes after it"),
                List.of(what, pend, bel), breaks != null, loop, rows, verdict);
    }

    /**
     * A numbered table at yt: a header, then one row per step; columns after the first are grey
     * where the row repeats the one above. Marks the last row (markLast: a property breaks there),
     * the rows of a loop with a bracket, and writes the verdict under it (null: none). Returns its
     * bottom.
     */
    static double table(Canvas c, double yt, List<String> header, List<List<String>> columns, boolean markLast, Loop loop, int rows, String verdict) {
        Spacing sp = c.sp;
        double[] x = new double[header.size() + 1];
        x[0] = sp.pad() + 8;
        double w0 = width(header.get(0), sp.font());
        for (int i = 0; i < rows; i++) w0 = Math.max(w0, width(Integer.toString(i), sp.font()));
        x[1] = x[0] + w0 + 2 * sp.pad();
        for (int k = 0; k < columns.size(); k++) {
            double w = width(header.get(k + 1), sp.font());
            for (String s : columns.get(k)) w = Math.max(w, width(s, sp.font()));
            x[k + 2] = x[k + 1] + w + 2 * sp.pad();
        }
        double right = x[header.size()];
        c.raw("<g class=\"steps\">");
        c.rect(x[0] - sp.pad() / 2.0, yt, right - x[0], sp.row(), "#e6e6e6", "");
        for (int k = 0; k < header.size(); k++) c.text(x[k], yt + sp.row() - 4, sp.font(), "start", header.get(k), "font-weight=\"bold\"");
        for (int i = 0; i < rows; i++) {
            double yr = yt + sp.row() * (i + 1);
            boolean breaksHere = markLast && i == rows - 1;
            String bg = breaksHere ? "#fbe3d6" : i % 2 == 0 ? "#ffffff" : "#f2f2f2";
            c.raw(String.format(Locale.ROOT, "<g class=\"row\" data-step=\"%d\">", i));
            c.rect(x[0] - sp.pad() / 2.0, yr, right - x[0], sp.row(), bg, "");
            c.text(x[0], yr + sp.row() - 4, sp.font(), "start", Integer.toString(i), "fill=\"#555555\"");
            for (int k = 0; k < columns.size(); k++) {
                String s = columns.get(k).get(i);
                boolean same = k > 0 && i > 0 && !breaksHere && s.equals(columns.get(k).get(i - 1));
                c.text(x[k + 1], yr + sp.row() - 4, sp.font(), "start", s, "class=\"cell\"" + (same ? " fill=\"#999999\"" : ""));
            }
            c.raw("</g>");
        }
        double bottom = yt + sp.row() * (rows + 1);
        if (loop != null && rows > 0) {
            double y1 = yt + sp.row() * (loop.to() + 1) + 2, y2 = bottom - 2, xb = x[0] - sp.pad() / 2.0 - 3;
            c.raw(String.format(Locale.ROOT, "<path class=\"loop-rows\" d=\"M%.1f %.1fh-4V%.1fh4\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>", xb, y1, y2, LOOP));
        }
        c.raw("</g>");
        double y = bottom;
        if (verdict != null) {
            for (String sentence : verdict.split("(?<=[.:]) (?=[A-Z])")) {     // a line per sentence
                y += sp.row();
                c.text(x[0], y, sp.font(), "start", sentence, "class=\"verdict\" fill=\"" + VIOLATION + "\" font-weight=\"bold\"");
            }
            y += sp.font() * DESCENT;
        }
        return y;
    }

    /**
     * The legend: what each line, mark and colour means, in rows that fit the canvas drawn so far;
     * mark: "breaks" (the violation's line), "conflict" (the conflict's row) or null.
     */
    static void legend(Canvas c, Set<String> services, String mark, boolean loop, double y0) {
        Spacing sp = c.sp;
        List<String[]> items = new ArrayList<>();          // {kind, colour, text}
        for (String s : services) items.add(new String[] {"service", colour(s), s.equals("init") ? "init" : s.equals("none") ? "no service" : "processes of " + s});
        items.add(new String[] {"running", "#555555", "running"});
        items.add(new String[] {"zombie", "#555555", "zombie (exited, not reaped)"});
        items.add(new String[] {"reaped", "#555555", "reaped: the PID is free"});
        items.add(new String[] {"fork", "#555555", "fork (parent to child)"});
        items.add(new String[] {"reparent", "#555555", "reparented (adopted)"});
        if ("breaks".equals(mark)) items.add(new String[] {"breaks", VIOLATION, "where the property breaks"});
        if ("conflict".equals(mark)) items.add(new String[] {"conflict", VIOLATION, "the conflict: no answer suits both"});
        if (loop) items.add(new String[] {"loop", LOOP, "the loop: repeats for ever"});
        double limit = Math.max(c.right, 480);
        double x = sp.pad(), y = y0 + sp.row() / 2.0;
        c.raw("<g class=\"legend\">");
        c.text(x, y + sp.font() * 0.35, sp.font(), "start", "Legend:", "font-weight=\"bold\"");
        x += width("Legend:", sp.font()) + 2 * sp.pad();
        double start = x;
        for (String[] it : items) {
            double w = 24 + 4 + width(it[2], sp.font()) + 3 * sp.pad();
            if (x > start && x + w > limit) { x = start; y += sp.row(); }
            double sx = x, sy = y;
            c.raw(String.format(Locale.ROOT, "<g class=\"legend-item\" data-kind=\"%s\">", it[0]));
            switch (it[0]) {
                case "service" -> c.rect(sx, sy - 5, 24, 10, it[1], "");
                case "running" -> c.line(sx, sy, sx + 24, sy, it[1], 4, "");
                case "zombie" -> c.line(sx, sy, sx + 24, sy, it[1], 2, "stroke-dasharray=\"4 3\"");
                case "reaped" -> c.cross(sx + 12, sy, 4, it[1], "reaped-sample");
                case "fork" -> { c.line(sx + 4, sy - 6, sx + 4, sy + 6, it[1], 1.5, ""); c.line(sx + 4, sy + 6, sx + 24, sy + 6, it[1], 1.5, ""); }
                case "reparent" -> c.line(sx + 12, sy - 6, sx + 12, sy + 6, it[1], 2, "stroke-dasharray=\"1.5 3\"");
                case "breaks" -> c.line(sx + 12, sy - 6, sx + 12, sy + 6, it[1], 3, "");
                case "conflict" -> c.rect(sx, sy - 6, 24, 12, "#fbe3d6", "stroke=\"" + it[1] + "\"");
                case "loop" -> c.raw(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>"
                        + "<path d=\"M%.1f %.1fl-4 -7h8z\" fill=\"%s\"/>", sx + 22, sy + 5, sx + 22, sy - 7, sx + 4, sy - 7, sx + 4, sy + 3, it[1], sx + 4, sy + 6, it[1]));
                default -> { }
            }
            c.text(sx + 28, sy + sp.font() * 0.35, sp.font(), "start", it[2], "");
            c.raw("</g>");
            x += w;
        }
        c.raw("</g>");
        c.extend(0, y + sp.row() / 2.0);
    }

    /** The lifeline of this PID at this step (the PID is in use then). */
    private static Life lifeAt(List<Life> lives, int pid, int step) {
        for (Life l : lives) if (l.pid() == pid && l.from() <= step && step <= l.to()) return l;
        return null;
    }

    /**
     * Two behaviours that init cannot tell apart, one above the other, each with its step table,
     * then a table of what init does and sees at each step (the same in both) and, per service,
     * the PIDs it runs as in each behaviour and the PIDs init could attribute to it without
     * attributing another's process in either: where a service runs but init can name none of
     * its PIDs, the conflict is there.
     */
    public static String pair(List<Frame> left, List<Frame> right, List<String> initSees, String title, String conflict) {
        return pair(left, right, initSees, title, conflict, Spacing.DEFAULT);
    }

    static String pair(List<Frame> left, List<Frame> right, List<String> initSees, String title, String conflict, Spacing sp) {
        Canvas c = new Canvas(sp);
        c.text(sp.pad(), sp.pad() + 13 * ASCENT, 13, "start", title, "font-weight=\"bold\"");
        double y = c.bottom + sp.pad();
        c.raw("<g class=\"behaviour\" data-side=\"L\">");
        c.text(sp.pad(), y + sp.row(), sp.font(), "start", "Behaviour L", "font-weight=\"bold\"");
        y = body(c, left, null, null, y + sp.row() + sp.pad());
        c.raw("</g>\n<g class=\"behaviour\" data-side=\"R\">");
        c.text(sp.pad(), y + 2 * sp.row(), sp.font(), "start", "Behaviour R", "font-weight=\"bold\"");
        y = body(c, right, null, null, y + 2 * sp.row() + sp.pad());
        c.raw("</g>\n<g class=\"observations\">");
        c.text(sp.pad(), y + 2 * sp.row(), sp.font(), "start", "What init does and sees, the same in L and R, and whose each PID could be:", "font-weight=\"bold\"");
        int n = Math.min(left.size(), right.size());
        Set<String> services = new LinkedHashSet<>();
        for (List<Frame> side : List.of(left, right)) for (Frame f : side) for (Frame.P p : f.procs()) if (!p.service().equals("init")) services.add(p.service());
        List<String> header = new ArrayList<>(List.of("step", "init does and sees"));
        List<List<String>> cols = new ArrayList<>();
        List<String> sees = new ArrayList<>();
        for (int i = 0; i < n; i++) sees.add(i < initSees.size() && !initSees.get(i).isEmpty() ? initSees.get(i) : "-");
        cols.add(sees);
        for (String s : services) {
            header.add(s + " runs as, L | R");
            header.add("PIDs init could name as " + s + "'s");
            List<String> runs = new ArrayList<>(), sound = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(pids(running(left.get(i), s)) + " | " + pids(running(right.get(i), s)));
                sound.add(pids(soundFor(left.get(i), right.get(i), s)));
            }
            cols.add(runs);
            cols.add(sound);
        }
        y = table(c, y + 2 * sp.row() + sp.pad(), header, cols, conflict != null, null, n, conflict == null ? null : "At step " + (n - 1) + ": " + conflict);
        c.raw("</g>");
        Set<String> all = new LinkedHashSet<>();
        for (Life l : lives(left)) all.add(l.service());
        for (Life l : lives(right)) all.add(l.service());
        legend(c, all, conflict == null ? null : "conflict", false, y + sp.pad());
        return wrap(c, title, "timeline pair");
    }

    /** The running processes of a service in a frame. */
    static Set<Integer> running(Frame f, String svc) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (Frame.P p : f.procs()) if (!p.zombie() && p.service().equals(svc)) out.add(p.pid());
        return out;
    }

    /** The PIDs in use in either frame that are the service's wherever they are in use: what init may attribute to it in both. */
    static Set<Integer> soundFor(Frame l, Frame r, String svc) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (Frame f : List.of(l, r)) for (Frame.P p : f.procs()) out.add(p.pid());
        out.removeIf(pid -> (l.proc(pid) != null && !l.proc(pid).service().equals(svc)) || (r.proc(pid) != null && !r.proc(pid).service().equals(svc)));
        return out;
    }

    static String pids(Set<Integer> s) { return s.isEmpty() ? "none" : s.toString().replace("[", "{").replace("]", "}"); }

    private static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
