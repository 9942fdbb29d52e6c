package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.wikitext.DumpFixtures.dump;
import static org.clinwiki.wikitext.DumpFixtures.entries;
import static org.clinwiki.wikitext.DumpFixtures.only;
import static org.clinwiki.wikitext.DumpFixtures.reader;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Dumps of each export schema, as MediaWiki writes them, read field by field. */
class DumpReaderSchemasTest {

    private static final String SITEINFO_011 = """
            <siteinfo>
              <sitename>Clinfowiki</sitename>
              <dbname>clinfowiki</dbname>
              <base>https://www.clinfowiki.org/wiki/index.php/Main_Page</base>
              <generator>MediaWiki 1.39.3</generator>
              <case>first-letter</case>
              <namespaces>
                <namespace key="-2" case="first-letter">Media</namespace>
                <namespace key="0" case="first-letter" />
                <namespace key="1" case="first-letter">Talk</namespace>
                <namespace key="4" case="first-letter">Clinfowiki</namespace>
                <namespace key="6" case="first-letter">File</namespace>
                <namespace key="10" case="first-letter">Template</namespace>
                <namespace key="828" case="case-sensitive">Module</namespace>
              </namespaces>
              <namespacealiases>
                <namespacealias key="6">Image</namespacealias>
                <namespacealias key="4">CW</namespacealias>
              </namespacealiases>
            </siteinfo>""";

    @Test
    void schema011ReadsEveryFieldOfPagesAndRevisions() throws IOException {
        String xml = dump("0.11", SITEINFO_011, """
                <page>
                  <title>Computerized physician order entry</title>
                  <ns>0</ns>
                  <id>42</id>
                  <restrictions>edit=sysop:move=sysop</restrictions>
                  <revision>
                    <id>100</id>
                    <timestamp>2006-03-01T10:00:00Z</timestamp>
                    <contributor><username>Wsterling</username><id>7</id></contributor>
                    <comment>New page</comment>
                    <origin>100</origin>
                    <model>wikitext</model>
                    <format>text/x-wiki</format>
                    <text bytes="33" sha1="pdyuqp3yzkbkvtcj8d3e3igp3l7yd1b" xml:space="preserve">'''CPOE''' &amp; [[Order sets]]</text>
                    <sha1>pdyuqp3yzkbkvtcj8d3e3igp3l7yd1b</sha1>
                  </revision>
                  <revision>
                    <id>101</id>
                    <parentid>100</parentid>
                    <timestamp>2006-03-02T11:30:05Z</timestamp>
                    <contributor><ip>192.0.2.15</ip></contributor>
                    <minor/>
                    <comment>/* History */ typo</comment>
                    <origin>101</origin>
                    <model>wikitext</model>
                    <format>text/x-wiki</format>
                    <text bytes="0" sha1="phoiac9h4m842xq45sp7s6u21eteeq1" xml:space="preserve" />
                    <sha1>phoiac9h4m842xq45sp7s6u21eteeq1</sha1>
                  </revision>
                </page>""");
        try (DumpReader reader = reader(xml)) {
            assertThat(reader.schemaVersion()).isEqualTo("0.11");
            SiteInfo site = reader.siteInfo();
            assertThat(site.siteName()).isEqualTo("Clinfowiki");
            assertThat(site.dbName()).isEqualTo("clinfowiki");
            assertThat(site.base()).isEqualTo("https://www.clinfowiki.org/wiki/index.php/Main_Page");
            assertThat(site.generator()).isEqualTo("MediaWiki 1.39.3");
            assertThat(site.titleCase()).isEqualTo("first-letter");
            assertThat(site.namespaces()).contains(new DumpNamespace(0, "", "first-letter"),
                    new DumpNamespace(4, "Clinfowiki", "first-letter"), new DumpNamespace(828, "Module", "case-sensitive"));
            assertThat(site.aliases()).isEqualTo(Map.of("Image", 6, "CW", 4));

            List<DumpEntry> entries = DumpFixtures.readAll(reader);
            DumpPage page = new DumpPage(42, "Computerized physician order entry", 0, false, Optional.empty(),
                    "edit=sysop:move=sysop");
            assertThat(entries).hasSize(4).first().isEqualTo(page);
            assertThat(entries.get(1)).isEqualTo(new DumpRevision(100, OptionalLong.empty(),
                    Instant.parse("2006-03-01T10:00:00Z"), new Contributor.Registered("Wsterling", 7), false,
                    Optional.of("New page"), false, "wikitext", "text/x-wiki", Optional.of("'''CPOE''' & [[Order sets]]"),
                    false, false, Optional.of("pdyuqp3yzkbkvtcj8d3e3igp3l7yd1b")));
            assertThat(entries.get(2)).isEqualTo(new DumpRevision(101, OptionalLong.of(100),
                    Instant.parse("2006-03-02T11:30:05Z"), new Contributor.Anonymous("192.0.2.15"), true,
                    Optional.of("/* History */ typo"), false, "wikitext", "text/x-wiki", Optional.of(""), false, false,
                    Optional.of("phoiac9h4m842xq45sp7s6u21eteeq1")));
            assertThat(entries.get(3)).isEqualTo(new DumpEntry.PageEnd(page));
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void hiddenContributorCommentAndTextAreEmptyAndFlagged() {
        List<DumpRevision> revisions = only(entries(dump("0.11", "", """
                <page>
                  <title>Alert fatigue</title><ns>0</ns><id>3</id>
                  <revision>
                    <id>9</id>
                    <timestamp>2010-05-05T05:05:05Z</timestamp>
                    <contributor deleted="deleted" />
                    <comment deleted="deleted" />
                    <model>wikitext</model><format>text/x-wiki</format>
                    <text bytes="1234" deleted="deleted" />
                    <sha1 />
                  </revision>
                </page>""")), DumpRevision.class);

        DumpRevision hidden = revisions.getFirst();
        assertThat(hidden.contributor()).isEqualTo(new Contributor.Deleted());
        assertThat(hidden.comment()).isEmpty();
        assertThat(hidden.commentDeleted()).isTrue();
        assertThat(hidden.text()).isEmpty();
        assertThat(hidden.textDeleted()).isTrue();
        assertThat(hidden.textTooLarge()).isFalse();
        assertThat(hidden.sha1()).isEmpty();
    }

    @Test
    void aRedirectNamesItsTargetFromSchema06On() {
        List<DumpEntry> entries = entries(dump("0.10", "", """
                <page>
                  <title>CPOE</title><ns>0</ns><id>5</id>
                  <redirect title="Computerized physician order entry" />
                  <revision>
                    <id>50</id><parentid>49</parentid>
                    <timestamp>2007-01-01T00:00:00Z</timestamp>
                    <contributor><username>Admin</username><id>1</id></contributor>
                    <model>wikitext</model><format>text/x-wiki</format>
                    <text xml:space="preserve" bytes="45">#REDIRECT [[Computerized physician order entry]]</text>
                    <sha1>0000000000000000000000000000000</sha1>
                  </revision>
                </page>"""));

        DumpPage page = (DumpPage) entries.getFirst();
        assertThat(page.redirect()).isTrue();
        assertThat(page.redirectTarget()).contains("Computerized physician order entry");
        DumpRevision revision = (DumpRevision) entries.get(1);
        assertThat(revision.comment()).as("no <comment> at all").isEmpty();
        assertThat(revision.commentDeleted()).isFalse();
        assertThat(revision.parentId()).hasValue(49);
    }

    @Test
    void schema05HasNoNamespaceElementSoTheTitlesPrefixDecides() {
        String xml = dump("0.5", """
                <siteinfo>
                  <sitename>Clinfowiki</sitename>
                  <base>http://clinfowiki.org/wiki/index.php/Main_Page</base>
                  <generator>MediaWiki 1.13.2</generator>
                  <case>first-letter</case>
                  <namespaces>
                    <namespace key="0" />
                    <namespace key="1">Talk</namespace>
                    <namespace key="3">User talk</namespace>
                    <namespace key="4">Clinfowiki</namespace>
                  </namespaces>
                </siteinfo>""", """
                <page>
                  <title>User talk:Wsterling</title><id>8</id>
                  <revision><id>80</id><timestamp>2008-08-08T08:08:08Z</timestamp>
                    <contributor><username>Jdoe</username><id>3</id></contributor>
                    <text xml:space="preserve">Hello ~~~~</text></revision>
                </page>
                <page>
                  <title>Clinfowiki:About</title><id>9</id>
                  <redirect />
                  <revision><id>90</id><timestamp>2008-08-09T08:08:08Z</timestamp>
                    <contributor><username>Jdoe</username><id>3</id></contributor>
                    <text xml:space="preserve">#REDIRECT [[Help:About]]</text></revision>
                </page>
                <page>
                  <title>Image:Cpoe.png</title><id>10</id>
                  <revision><id>91</id><timestamp>2008-08-09T08:08:08Z</timestamp>
                    <contributor><username>Jdoe</username><id>3</id></contributor>
                    <text xml:space="preserve">A screenshot</text></revision>
                </page>
                <page>
                  <title>HL7: an overview</title><id>11</id>
                  <revision><id>92</id><timestamp>2008-08-09T08:08:08Z</timestamp>
                    <contributor><username>Jdoe</username><id>3</id></contributor>
                    <text xml:space="preserve">Health Level Seven</text></revision>
                </page>""");

        List<DumpPage> pages = only(entries(xml), DumpPage.class);

        assertThat(pages).extracting(DumpPage::title, DumpPage::namespace).containsExactly(
                org.assertj.core.groups.Tuple.tuple("User talk:Wsterling", 3),
                org.assertj.core.groups.Tuple.tuple("Clinfowiki:About", 4),
                org.assertj.core.groups.Tuple.tuple("Image:Cpoe.png", 6),
                org.assertj.core.groups.Tuple.tuple("HL7: an overview", 0));
        assertThat(pages.get(1).redirect()).as("the old empty <redirect/>").isTrue();
        assertThat(pages.get(1).redirectTarget()).isEmpty();
        DumpRevision old = only(entries(xml), DumpRevision.class).getFirst();
        assertThat(old.model()).isEqualTo("wikitext");
        assertThat(old.format()).isEqualTo("text/x-wiki");
        assertThat(old.sha1()).isEmpty();
    }

    @Test
    void schema03HasConversionScriptsForContributorsAndMissingComments() throws IOException {
        String xml = dump("0.3", """
                <siteinfo>
                  <sitename>Wikipedia</sitename>
                  <base>http://en.wikipedia.org/wiki/Main_Page</base>
                  <generator>MediaWiki 1.5alpha1</generator>
                  <case>first-letter</case>
                  <namespaces>
                    <namespace key="-2">Media</namespace>
                    <namespace key="0" />
                    <namespace key="1">Discussion</namespace>
                    <namespace key="4">Wikipedia</namespace>
                  </namespaces>
                </siteinfo>""", """
                <page>
                  <title>Discussion:Pear</title>
                  <id>1</id>
                  <restrictions>move=sysop</restrictions>
                  <revision>
                    <id>1</id>
                    <timestamp>2001-01-15T13:15:00Z</timestamp>
                    <contributor><ip>Conversion script</ip></contributor>
                    <minor />
                    <text>A pear is a fruit.</text>
                  </revision>
                </page>""");
        try (DumpReader reader = reader(xml)) {
            assertThat(reader.schemaVersion()).isEqualTo("0.3");
            assertThat(reader.siteInfo().namespaces()).contains(new DumpNamespace(1, "Discussion", "first-letter"));
            List<DumpEntry> entries = DumpFixtures.readAll(reader);

            DumpPage page = (DumpPage) entries.getFirst();
            assertThat(page.namespace()).as("the wiki's own name for Talk").isEqualTo(1);
            assertThat(page.restrictions()).isEqualTo("move=sysop");
            DumpRevision revision = (DumpRevision) entries.get(1);
            assertThat(revision.contributor()).isEqualTo(new Contributor.Anonymous("Conversion script"));
            assertThat(revision.minor()).isTrue();
            assertThat(revision.comment()).isEmpty();
            assertThat(revision.parentId()).isEmpty();
            assertThat(revision.text()).contains("A pear is a fruit.");
        }
    }

    @Test
    void theVersionComesFromTheNamespaceWhenTheRootHasNoVersionAttribute() throws IOException {
        try (DumpReader reader = reader("<mediawiki xmlns='http://www.mediawiki.org/xml/export-0.4/'></mediawiki>")) {
            assertThat(reader.schemaVersion()).isEqualTo("0.4");
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void withoutSiteinfoTheStandardEnglishNamespacesApply() throws IOException {
        try (DumpReader reader = reader("""
                <mediawiki><page><title>Template talk:Stub</title><id>1</id></page></mediawiki>""")) {
            assertThat(reader.schemaVersion()).isEmpty();
            SiteInfo site = reader.siteInfo();
            assertThat(site.siteName()).isEmpty();
            assertThat(site.titleCase()).isEqualTo("first-letter");
            assertThat(site.namespaces()).contains(new DumpNamespace(10, "Template", "first-letter"));
            assertThat(reader.next()).containsInstanceOf(DumpPage.class)
                    .hasValueSatisfying(page -> assertThat(((DumpPage) page).namespace()).isEqualTo(11));
            assertThat(reader.next()).containsInstanceOf(DumpEntry.PageEnd.class);
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void namespaceNamesKnowLocalNamesAliasesAndCanonicalNamesInAnyCase() throws IOException {
        try (DumpReader reader = reader(dump("0.11", SITEINFO_011, ""))) {
            SiteInfo site = reader.siteInfo();
            Map<String, Integer> names = site.namespaceNames();

            assertThat(names).containsEntry("clinfowiki", 4).containsEntry("cw", 4).containsEntry("project", 4)
                    .containsEntry("image", 6).containsEntry("user talk", 3).containsEntry("module", 828)
                    .doesNotContainKey("");
            assertThat(site.namespaceOf("cw:About")).isEqualTo(4);
            assertThat(site.namespaceOf("User_talk:Jdoe")).isEqualTo(3);
            assertThat(site.namespaceOf("Project talk:Policy")).isEqualTo(5);
            assertThat(site.namespaceOf("Ratio: a measure")).isZero();
        }
    }

    @Test
    void uploadsAreReadAndTheirEmbeddedFileSkipped() {
        List<DumpEntry> entries = entries(dump("0.11", SITEINFO_011, """
                <page>
                  <title>File:Cpoe workflow.png</title><ns>6</ns><id>12</id>
                  <revision>
                    <id>120</id><timestamp>2012-02-02T02:02:02Z</timestamp>
                    <contributor><username>Jdoe</username><id>3</id></contributor>
                    <comment>Workflow diagram</comment>
                    <model>wikitext</model><format>text/x-wiki</format>
                    <text bytes="16" xml:space="preserve">Workflow diagram</text>
                    <sha1>0</sha1>
                  </revision>
                  <upload>
                    <timestamp>2012-02-02T02:02:02Z</timestamp>
                    <contributor><username>Jdoe</username><id>3</id></contributor>
                    <comment>Workflow diagram</comment>
                    <filename>Cpoe_workflow.png</filename>
                    <src>https://www.clinfowiki.org/images/a/ab/Cpoe_workflow.png</src>
                    <size>48213</size>
                    <sha1base36>ignored</sha1base36>
                    <sha1>4fb4mbqc1vbmgbnq0fmy0y0rmmfu3lv</sha1>
                    <rel>a/ab/Cpoe_workflow.png</rel>
                    <contents encoding="base64">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk</contents>
                  </upload>
                </page>"""));

        assertThat(entries).hasSize(4);
        assertThat(entries.get(2)).isEqualTo(new DumpUpload(Instant.parse("2012-02-02T02:02:02Z"),
                new Contributor.Registered("Jdoe", 3), "Workflow diagram", "Cpoe_workflow.png",
                "https://www.clinfowiki.org/images/a/ab/Cpoe_workflow.png", 48213,
                Optional.of("4fb4mbqc1vbmgbnq0fmy0y0rmmfu3lv")));
    }

    @Test
    void logItemsThreadingInfoAndUnknownElementsAreSkipped() {
        List<DumpEntry> entries = entries(dump("0.11", SITEINFO_011, """
                <logitem>
                  <id>1</id><timestamp>2010-01-01T00:00:00Z</timestamp>
                  <contributor><username>Admin</username><id>1</id></contributor>
                  <type>delete</type><action>delete</action><logtitle>Spam</logtitle>
                </logitem>
                <page>
                  <title>Talk:Alert fatigue</title><ns>1</ns><id>4</id>
                  <discussionthreadinginfo><ThreadSubject>Alerts</ThreadSubject></discussionthreadinginfo>
                  <x:extension xmlns:x="urn:example"><title>Not the title</title></x:extension>
                  <revision>
                    <id>40</id><timestamp>2010-01-02T00:00:00Z</timestamp>
                    <contributor><username>Jdoe</username><id>3</id><x:flag xmlns:x="urn:example"/></contributor>
                    <futurefield>whatever</futurefield>
                    <text xml:space="preserve">Signed. [[User:Jdoe|Jdoe]] ([[User talk:Jdoe|talk]])</text>
                  </revision>
                  <futurepagefield/>
                </page>
                <futuretoplevel><page><title>Not a page</title></page></futuretoplevel>"""));

        assertThat(entries).hasSize(3);
        assertThat(((DumpPage) entries.getFirst()).title()).isEqualTo("Talk:Alert fatigue");
        assertThat(((DumpRevision) entries.get(1)).contributor()).isEqualTo(new Contributor.Registered("Jdoe", 3));
        assertThat(entries.get(2)).isInstanceOf(DumpEntry.PageEnd.class);
    }

    @Test
    void aStubDumpsTextIsAbsentNotEmpty() {
        DumpRevision stub = only(entries(dump("0.10", "", """
                <page><title>Stubbed</title><ns>0</ns><id>1</id>
                  <revision><id>1</id><timestamp>2015-01-01T00:00:00Z</timestamp>
                    <contributor><username>A</username><id>2</id></contributor>
                    <model>wikitext</model><format>text/x-wiki</format>
                    <text id="77" bytes="2048" />
                    <sha1>abc</sha1></revision></page>""")), DumpRevision.class).getFirst();

        assertThat(stub.text()).isEmpty();
        assertThat(stub.textDeleted()).isFalse();
        assertThat(stub.textTooLarge()).isFalse();
    }
}
