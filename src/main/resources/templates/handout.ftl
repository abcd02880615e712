<#-- Lecture handouts: one XHTML document holding one or more lectures, for openhtmltopdf. Each lecture starts a
     new page sequence, so its footer counts its own pages ("Lecture 4 · page 1 of 2"). A lecture listed in
     `fillAfter` is followed by a blank page, so that the next lecture starts on an odd page (duplex printing).
     Model: meta, lectures (chapters), fillAfter (slugs), docTitle, css, noteLines. -->
<#import "lib/parts.ftl" as p>
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${meta.language()}" xml:lang="${meta.language()}">
<head>
<meta charset="UTF-8"/>
<title>${docTitle}</title>
<meta name="author" content="${meta.authors()?join(', ')}"/>
<meta name="subject" content="Lecture handout<#if lectures?size gt 1>s</#if> for ${meta.title()}<#if meta.subtitle()?has_content>: ${meta.subtitle()}</#if>"/>
<bookmarks>
<#list lectures as ch><bookmark name="Lecture ${ch.number()}: ${ch.title()}" href="#${ch.slug()}"/>
</#list>
</bookmarks>
<style>
${css?no_esc}
</style>
</head>
<body>
<#list lectures as ch>
<section class="handout<#if ch?is_first> first-handout</#if>" id="${ch.slug()}" aria-labelledby="${ch.slug()}-title">
<div class="handout-footer">Lecture ${ch.number()} · page <span class="page-number"></span> of <span class="page-count"></span></div>
<header class="handout-head">
<p class="course"><span class="course-title">${meta.title()}</span><#if meta.subtitle()?has_content> · ${meta.subtitle()}</#if></p>
<p class="lecture-label">Lecture ${ch.number()}</p>
<h1 class="handout-title" id="${ch.slug()}-title">${ch.title()}</h1>
<#if ch.subtitle()?has_content><p class="subtitle">${w.inlines(ch, ch.subtitle())?no_esc}</p></#if>
</header>
<#if ch.lecturePoints()?has_content>
<section class="handout-points" aria-labelledby="${ch.slug()}-points">
<h2 id="${ch.slug()}-points">Lecture points</h2>
<ul>
<#list ch.lecturePoints() as lp><li>${w.inlines(ch, lp.content())?no_esc}</li>
</#list></ul>
</section>
</#if>
<#assign quotes = ch.pullQuotes()?filter(q -> q.isPrimary())>
<#if quotes?has_content>
<section class="handout-quotes" aria-labelledby="${ch.slug()}-quotes">
<h2 id="${ch.slug()}-quotes">From the sources</h2>
<#list quotes as q><@p.block ch q/>
</#list>
</section>
</#if>
<#if ch.terms()?has_content>
<section class="handout-terms" aria-labelledby="${ch.slug()}-terms">
<h2 id="${ch.slug()}-terms">Key terms</h2>
<ul class="term-list">
<#list ch.terms() as t><li><span class="<#if t.lang() == 'ru'>cyrillic<#else>term</#if>"<#if t.lang()?has_content> lang="${t.lang()}" xml:lang="${t.lang()}"</#if>>${t.term()}</span><#if t.translit()?has_content> <span class="translit">(${t.translit()})</span></#if> — ${t.meaning()}</li>
</#list></ul>
</section>
</#if>
<section class="handout-notes" aria-labelledby="${ch.slug()}-notes">
<h2 id="${ch.slug()}-notes">Notes</h2>
<div class="note-lines"><#list 1..noteLines as i><div class="note-line"></div></#list></div>
</section>
</section>
<#if fillAfter?seq_contains(ch.slug())>
<div class="blank-page"><div class="handout-footer"></div></div>
</#if>
</#list>
</body>
</html>
