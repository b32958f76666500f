package adoptsig.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a behaviour as an SVG timeline: one horizontal lifeline per process (a PID reused is a
 * new lifeline with the same number), coloured by service, solid while running and dashed while
 * a zombie; a fork is a branch from the parent's line; a reparenting is a dotted link from the new
 * parent with "adopted by"; init's pending signals and its beliefs run along the bottom; the step
 * where the property breaks is marked with the property's name. Elements carry classes and data
 * attributes (lifeline, fork, reparent, breaks) so that tests check structure, not pixels.
 */
public final class Timeline {
    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
    static final int LEFT = 120, STEP = 34, LANE = 22, TOP = 46;

    /** One lifeline: a PID from the step it came into use to the step it was freed (or the end). */
    public record Life(int pid, int incarnation, String service, int from, int to, int lane) {}

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

    /** The SVG of one behaviour; breaks: the property that fails at the last step (null: none). */
    public static String svg(List<Frame> frames, String title, String breaks) {
        StringBuilder b = new StringBuilder();
        int h = height(frames);
        int w = LEFT + STEP * Math.max(frames.size(), 1) + 260;
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h, w, h));
        b.append("<title>").append(esc(title)).append("</title>\n");
        body(b, frames, title, breaks, 0);
        b.append("</svg>\n");
        return b.toString();
    }

    static int height(List<Frame> frames) { return TOP + LANE * lives(frames).size() + 20 + 3 * 14 * 2 + 30; }

    /** Draws a behaviour with its top at y0 into b. */
    static void body(StringBuilder b, List<Frame> frames, String title, String breaks, int y0) {
        List<Life> lives = lives(frames);
        Map<String, String> colours = new LinkedHashMap<>();
        for (Life l : lives) colours.computeIfAbsent(l.service(), s -> s.equals("init") ? "#444444" : PALETTE[(colours.size()) % PALETTE.length]);
        b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", y0 + 14, esc(title)));
        // the steps, with the action as a tooltip
        for (int i = 0; i < frames.size(); i++) {
            int x = LEFT + STEP * i;
            b.append(String.format(Locale.ROOT, "<g class=\"step\" data-step=\"%d\"><title>%d. %s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%d</text></g>%n",
                    i, i, esc(frames.get(i).step()), x - STEP / 2, y0 + 22, STEP, LANE * lives.size() + 14, i % 2 == 0 ? "#f7f7f7" : "#ffffff",
                    x, y0 + 32, i));
        }
        for (Life l : lives) {
            int y = y0 + TOP + LANE * l.lane();
            String c = colours.get(l.service());
            b.append(String.format(Locale.ROOT, "<g class=\"lifeline\" data-pid=\"%d\" data-incarnation=\"%d\" data-service=\"%s\">%n", l.pid(), l.incarnation(), esc(l.service())));
            b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"%s\">%s%s</text>%n", y + 4, c,
                    l.pid() == 1 ? "init (1)" : "PID " + l.pid() + " (" + esc(l.service()) + ")", l.incarnation() > 1 ? " again" : ""));
            int last = l.to() < frames.size() - 1 || frames.get(l.to()).proc(l.pid()) == null ? l.to() - 1 : l.to();
            for (int i = l.from(); i <= last; i++) {
                Frame.P p = frames.get(i).proc(l.pid());
                if (p == null) break;
                int x1 = LEFT + STEP * i, x2 = i == last ? x1 + STEP / 2 : x1 + STEP;
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                        x1, y, x2, y, c, p.zombie() ? "2" : "4", p.zombie() ? " stroke-dasharray=\"3 3\" class=\"zombie\"" : ""));
            }
            if (l.to() < frames.size() - 1 || frames.get(frames.size() - 1).proc(l.pid()) == null) {
                int x = LEFT + STEP * l.to();
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\" class=\"reaped\">&#215;</text>%n", x, y + 4, c));
            }
            b.append("</g>\n");
        }
        // forks and reparentings: links between lifelines
        for (int i = 0; i < frames.size(); i++) {
            for (Frame.P p : frames.get(i).procs()) {
                Life child = lifeAt(lives, p.pid(), i);
                if (child == null || p.parent() == 0) continue;
                Life parent = lifeAt(lives, p.parent(), i);
                if (parent == null) continue;
                int x = LEFT + STEP * i;
                int yc = y0 + TOP + LANE * child.lane(), yp = y0 + TOP + LANE * parent.lane();
                if (child.from() == i && i > 0) {
                    b.append(String.format(Locale.ROOT, "<line class=\"fork\" data-parent=\"%d\" data-child=\"%d\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                            p.parent(), p.pid(), x, yp, x, yc, colours.get(child.service())));
                } else if (i > 0 && child.from() < i) {
                    Frame.P before = frames.get(i - 1).proc(p.pid());
                    if (before != null && before.parent() != p.parent()) {
                        b.append(String.format(Locale.ROOT, "<g class=\"reparent\" data-pid=\"%d\" data-to=\"%d\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"1 3\" stroke-width=\"1.5\"/>"
                                        + "<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#555\">adopted by %d</text></g>%n",
                                p.pid(), p.parent(), x, yp, x, yc, x + 3, yc - 5, p.parent()));
                    }
                }
            }
        }
        // init's pending signals and its beliefs, written where they change
        int yb = y0 + TOP + LANE * lives.size() + 10;
        b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#444\">init's pending</text>%n", yb + 10));
        b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#444\">init believes</text>%n", yb + 10 + 3 * 14));
        String pend = null, bel = null;
        int kp = 0, kb = 0;
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            int x = LEFT + STEP * i - STEP / 2 + 2;
            if (!f.pending().equals(pend)) {
                b.append(String.format(Locale.ROOT, "<text class=\"pending\" data-step=\"%d\" x=\"%d\" y=\"%d\" font-size=\"9\">%s</text>%n", i, x, yb + 10 + 14 * (kp++ % 3),
                        esc(f.pending().isEmpty() ? "none" : f.pending())));
                pend = f.pending();
            }
            if (!f.beliefs().equals(bel)) {
                b.append(String.format(Locale.ROOT, "<text class=\"beliefs\" data-step=\"%d\" x=\"%d\" y=\"%d\" font-size=\"9\">%s</text>%n", i, x, yb + 10 + 3 * 14 + 14 * (kb++ % 3),
                        esc(f.beliefs())));
                bel = f.beliefs();
            }
        }
        if (breaks != null && !frames.isEmpty()) {
            int x = LEFT + STEP * (frames.size() - 1);
            b.append(String.format(Locale.ROOT, "<g class=\"breaks\" data-property=\"%s\" data-step=\"%d\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c00\" stroke-width=\"2\"/>"
                            + "<text x=\"%d\" y=\"%d\" fill=\"#c00\" font-weight=\"bold\">%s breaks</text></g>%n",
                    esc(breaks), frames.size() - 1, x + STEP / 2, y0 + 20, x + STEP / 2, yb, x + STEP / 2 + 4, y0 + 32, esc(breaks)));
        }
    }

    /** The lifeline of this PID at this step (the PID is in use then). */
    private static Life lifeAt(List<Life> lives, int pid, int step) {
        for (Life l : lives) if (l.pid() == pid && l.from() <= step && step <= l.to()) return l;
        return null;
    }

    /**
     * Two behaviours that init cannot tell apart, one above the other, with init's steps and
     * observations (the same in both) between them.
     */
    public static String pair(List<Frame> left, List<Frame> right, List<String> initSees, String title, String conflict) {
        int hl = height(left), hr = height(right);
        int mid = 20 + 14 * Math.max(1, (int) initSees.stream().filter(s -> !s.isEmpty()).count());
        int w = LEFT + STEP * Math.max(left.size(), 1) + 260;
        int h = hl + mid + hr + 24;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline pair\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h, w, h));
        b.append("<title>").append(esc(title)).append("</title>\n");
        b.append("<g class=\"behaviour\" data-side=\"L\">\n");
        body(b, left, "L: " + title, conflict, 0);
        b.append("</g>\n<g class=\"observations\">\n");
        b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"bold\">init does and sees, in both:</text>%n", hl + 12));
        int k = 0;
        for (int i = 0; i < initSees.size(); i++) {
            if (initSees.get(i).isEmpty()) continue;
            b.append(String.format(Locale.ROOT, "<text class=\"observation\" data-step=\"%d\" x=\"%d\" y=\"%d\" font-size=\"10\">%d. %s</text>%n",
                    i, LEFT, hl + 26 + 14 * k++, i, esc(initSees.get(i))));
        }
        b.append("</g>\n<g class=\"behaviour\" data-side=\"R\">\n");
        body(b, right, "R: " + title, conflict, hl + mid);
        b.append("</g>\n</svg>\n");
        return b.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
