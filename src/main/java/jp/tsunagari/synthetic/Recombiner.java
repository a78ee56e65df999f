package jp.tsunagari.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.catalogue.RevisionAction;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.AudienceRules;
import jp.tsunagari.synthetic.SeedMaterial.Place;
import jp.tsunagari.synthetic.SeedMaterial.Seed;

/**
 * Builds synthetic programs from the seeds: the organizer is a real municipality (or, for one in ten, a prefecture),
 * the seed's own place names in names and texts become the organizer's, and parts of other seeds are mixed in.
 * Audience tags are derived from the criteria exactly as the app derives them. Deterministic for a given random.
 */
final class Recombiner {

    /** One history entry: what was done, the status after it and the whole content after it. */
    record Revision(RevisionAction action, PublicationStatus status, ProgramContent content, Instant at) {
    }

    /** A program ready to be written (ids are given by the writer). */
    record SyntheticProgram(PublicationStatus status, ProgramContent content, Set<Audience> audiences,
                            List<Revision> revisions, ProgramContent pendingDraft, long version) {

        Instant createdAt() {
            return revisions.get(0).at();
        }

        Instant updatedAt() {
            return revisions.get(revisions.size() - 1).at();
        }
    }

    static final String USER = "synthetic";

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern CUT = Pattern.compile("[「～（(－]");
    private static final List<String[]> METRICS = List.of(
            new String[] {"登録者数", "Registered users", "名"},
            new String[] {"参加者数", "Participants", "名"},
            new String[] {"送付件数", "Parcels sent", "件"},
            new String[] {"申込数", "Applications", "件"});

    private final SeedMaterial material;
    private final SplittableRandom random;
    private final Instant now;
    private final List<String> categories;
    private final Map<Long, PlaceNameReplacer> replacers = new HashMap<>();

    Recombiner(SeedMaterial material, long seed, Instant now) {
        this.material = material;
        this.random = new SplittableRandom(seed);
        this.now = now;
        this.categories = List.copyOf(material.seedsByCategory().keySet());
        material.seeds().forEach(s -> replacers.put(s.id(), new PlaceNameReplacer(s)));
    }

    SyntheticProgram next() {
        String category = categories.get(random.nextInt(categories.size()));
        List<Seed> sameCategory = material.seedsByCategory().get(category);
        Seed primary = pick(sameCategory);
        Seed eligibility = random.nextInt(10) < 7 ? primary : pick(material.seeds());
        Seed other = pick(material.seeds());

        Place municipality = random.nextInt(10) == 0 ? null : pick(material.municipalities());
        Place prefecture = municipality == null ? pick(material.prefectures())
                : material.placesByCode().get(municipality.prefectureCode());
        Place organizer = municipality != null ? municipality : prefecture;
        Target target = new Target(organizer, prefecture);

        ProgramContent base = primary.content();
        String[] name = name(usableName(primary, sameCategory), target);
        Channel channel = random.nextInt(10) < 8 ? base.channel() : pick(List.of(Channel.values()));
        Lifecycle lifecycle = lifecycle();
        Integer startYear = random.nextInt(100) < 85 ? 2010 + random.nextInt(16) : null;
        Integer startMonth = startYear == null ? null : 1 + random.nextInt(12);
        Integer eventYear = lifecycle == Lifecycle.ONE_OFF ? 2019 + random.nextInt(8) : null;
        Integer eventMonth = eventYear == null ? null : 1 + random.nextInt(12);

        List<ProgramContent.Section> sections = new ArrayList<>(sections(primary, target));
        if (random.nextBoolean() && other != primary && !other.content().sections().isEmpty()) {
            sections.add(section(other, other.content().sections().get(random.nextInt(other.content().sections().size())),
                    target));
        }
        String benefit = base.benefit() != null ? text(primary, base.benefit(), target)
                : random.nextInt(10) < 3 && other.content().benefit() != null ? text(other, other.content().benefit(), target)
                : null;
        List<ProgramContent.Note> notes = random.nextBoolean() ? base.dataNotes().stream()
                .map(n -> new ProgramContent.Note(text(primary, n.ja(), target), n.en())).toList() : List.of();

        ProgramContent content = new ProgramContent(name[0], name[1], null, category,
                prefecture.code(), municipality == null ? null : municipality.code(),
                startYear, startMonth, eventYear, eventMonth, channel, lifecycle,
                text(primary, base.summary(), target), benefit, null,
                text(eligibility, eligibility.content().eligibilityText(), target),
                base.examples().isEmpty() ? null : base.examplesHeading(),
                null, null, null,
                sections, metrics(channel), base.examples(), notes,
                SyntheticSchedules.dated(groups(eligibility, target), random), null, SyntheticSchedules.schedule(random));
        Set<Audience> audiences = AudienceRules.derive(content.toTargetGroups());

        PublicationStatus status = random.nextInt(100) < 5 ? PublicationStatus.DRAFT : PublicationStatus.PUBLISHED;
        List<Revision> revisions = history(status, content, earlier(content, other, target));
        ProgramContent draft = status == PublicationStatus.PUBLISHED && random.nextInt(100) < 3
                ? withExtraItem(content, other, target) : null;
        return new SyntheticProgram(status, content, audiences, revisions, draft, revisions.size() - 1);
    }

    private Lifecycle lifecycle() {
        int r = random.nextInt(100);
        return r < 75 ? Lifecycle.ONGOING : r < 90 ? Lifecycle.ENDED : Lifecycle.ONE_OFF;
    }

    /** 1–3 revisions ending with the current content and status, oldest first, in the past. */
    private List<Revision> history(PublicationStatus status, ProgramContent content, ProgramContent earlier) {
        int count = 1 + random.nextInt(3);
        Instant at = now.minus(Duration.ofDays(30 + random.nextInt(1500))).minusSeconds(random.nextInt(86_400));
        List<Revision> revisions = new ArrayList<>(count);
        boolean published = status == PublicationStatus.PUBLISHED;
        if (count == 1) {
            revisions.add(new Revision(RevisionAction.CREATE, status, content, at));
            return revisions;
        }
        revisions.add(new Revision(RevisionAction.CREATE, PublicationStatus.DRAFT, earlier, at));
        if (count == 3) {
            at = later(at);
            revisions.add(new Revision(RevisionAction.PUBLISH, PublicationStatus.PUBLISHED, earlier, at));
        }
        at = later(at);
        RevisionAction last = published ? (count == 3 ? RevisionAction.UPDATE : RevisionAction.PUBLISH)
                : (count == 3 ? RevisionAction.UNPUBLISH : RevisionAction.UPDATE);
        // An unpublish keeps the content: the change of content goes with the previous step then.
        if (last == RevisionAction.UNPUBLISH) {
            Revision published2 = revisions.remove(1);
            revisions.add(new Revision(published2.action(), published2.status(), content, published2.at()));
        }
        revisions.add(new Revision(last, status, content, at));
        return revisions;
    }

    private Instant later(Instant at) {
        Instant next = at.plus(Duration.ofDays(1 + random.nextInt(20))).plusSeconds(random.nextInt(86_400));
        return next.isAfter(now) ? now : next;
    }

    /** The content before the last change: another seed's summary, and the last item not yet written. */
    private ProgramContent earlier(ProgramContent c, Seed other, Target target) {
        List<ProgramContent.Section> sections = new ArrayList<>(c.sections());
        if (!sections.isEmpty()) {
            ProgramContent.Section last = sections.get(sections.size() - 1);
            if (last.items().size() > 1) {
                sections.set(sections.size() - 1, new ProgramContent.Section(last.heading(),
                        last.items().subList(0, last.items().size() - 1)));
            }
        }
        String summary = other.content().summary() == null ? c.summary() : text(other, other.content().summary(), target);
        return copy(c, summary, sections);
    }

    /** A pending change: one more item taken from another seed. */
    private ProgramContent withExtraItem(ProgramContent c, Seed other, Target target) {
        List<ProgramContent.Section> sections = new ArrayList<>(c.sections());
        List<ProgramContent.Item> pool = other.content().sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.level() == 0).toList();
        if (pool.isEmpty()) {
            return copy(c, c.summary() + "（改定予定）", sections);
        }
        ProgramContent.Item extra = pool.get(random.nextInt(pool.size()));
        ProgramContent.Item item = new ProgramContent.Item(0, extra.kind(), text(other, extra.text(), target));
        if (sections.isEmpty()) {
            sections.add(new ProgramContent.Section(null, List.of(item)));
        } else {
            ProgramContent.Section first = sections.get(0);
            List<ProgramContent.Item> items = new ArrayList<>(first.items());
            items.add(item);
            sections.set(0, new ProgramContent.Section(first.heading(), items));
        }
        return copy(c, c.summary(), sections);
    }

    private static ProgramContent copy(ProgramContent c, String summary, List<ProgramContent.Section> sections) {
        return new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(), c.organizerPrefectureCode(),
                c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(), c.eventMonth(),
                c.channel(), c.lifecycle(), summary, c.benefit(), c.officialUrl(), c.eligibilityText(),
                c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), sections, c.metrics(),
                c.examples(), c.dataNotes(), c.targetGroups(), c.application(), c.schedule());
    }

    private List<ProgramContent.Section> sections(Seed seed, Target target) {
        return seed.content().sections().stream().map(s -> section(seed, s, target)).toList();
    }

    private ProgramContent.Section section(Seed seed, ProgramContent.Section s, Target target) {
        return new ProgramContent.Section(s.heading(), s.items().stream()
                .map(i -> new ProgramContent.Item(i.level(), i.kind(), text(seed, i.text(), target))).toList());
    }

    private List<ProgramContent.Metric> metrics(Channel channel) {
        LocalDate asOf = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1180));
        if (channel == Channel.LINE) {
            return List.of(new ProgramContent.Metric("LINE友だち数", "LINE friends", 100 + random.nextInt(20_000), "名", asOf));
        }
        if (random.nextInt(100) < 35) {
            String[] m = METRICS.get(random.nextInt(METRICS.size()));
            return List.of(new ProgramContent.Metric(m[0], m[1], 10 + random.nextInt(5_000), m[2], asOf));
        }
        return List.of();
    }

    /** The seed's target groups and criteria, with its own place codes and names replaced by the organizer's. */
    private List<ProgramContent.Group> groups(Seed seed, Target target) {
        Map<String, String> codes = new HashMap<>();
        if (seed.municipality() != null) {
            codes.put(seed.municipality().code(), target.organizer().code());
        }
        if (seed.prefecture() != null) {
            codes.put(seed.prefecture().code(), target.prefecture().code());
        }
        return seed.content().targetGroups().stream().map(g -> new ProgramContent.Group(text(seed, g.label(), target),
                g.criteria().stream().map(r -> new ProgramContent.Rule(r.type(), r.strength(), r.subject(),
                        text(seed, r.sourceText(), target), r.minAge(), r.maxAge(),
                        r.areas().stream().map(a -> codes.getOrDefault(a, a)).distinct().toList(), r.areaLabel(),
                        r.outside(), r.domesticOnly(), r.schools(), r.applicants(), r.minGroupSize(), r.youngMaxAge(),
                        r.youngShareNum(), r.youngShareDen(), r.audienceHint(), text(seed, r.note(), target)))
                        .toList())).toList();
    }

    private Seed usableName(Seed primary, List<Seed> sameCategory) {
        if (JAPANESE.matcher(primary.content().name()).find()) {
            return primary;
        }
        List<Seed> usable = sameCategory.stream().filter(s -> JAPANESE.matcher(s.content().name()).find()).toList();
        if (usable.isEmpty()) {
            usable = material.seeds().stream().filter(s -> JAPANESE.matcher(s.content().name()).find()).toList();
        }
        return usable.isEmpty() ? primary : pick(usable);
    }

    /**
     * 「もりおかエール便」 by 札幌市 → 「さっぽろエール便」; a name without the seed's place gets the organizer's in
     * front: 「ふるさと仕送り支援事業」 → 「札幌市ふるさと仕送り支援事業」. Subtitles (「…」, ～…～, (…)) are dropped.
     */
    private String[] name(Seed seed, Target target) {
        String name = seed.content().name();
        Matcher cut = CUT.matcher(name);
        if (cut.find() && cut.start() > 1) {
            name = name.substring(0, cut.start()).strip();
        }
        String kana = seed.content().nameKana();
        PlaceNameReplacer replacer = replacers.get(seed.id());
        if (replacer.finds(name)) {
            return new String[] {replacer.apply(name, target), replacer.applyKana(kana, target)};
        }
        return new String[] {target.organizer().nameJa() + name, target.organizer().nameKana() + kana};
    }

    private String text(Seed seed, String text, Target target) {
        return text == null ? null : replacers.get(seed.id()).apply(text, target);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** The organizer of the program being built, and its prefecture. */
    record Target(Place organizer, Place prefecture) {
    }
}
