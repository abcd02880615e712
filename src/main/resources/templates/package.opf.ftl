<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${meta.language()}" prefix="schema: http://schema.org/">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${meta.identifier()}</dc:identifier>
<dc:title id="main-title">${meta.title()}</dc:title>
<meta refines="#main-title" property="title-type">main</meta>
<#if meta.subtitle()?has_content><dc:title id="subtitle">${meta.subtitle()}</dc:title>
<meta refines="#subtitle" property="title-type">subtitle</meta>
</#if>
<dc:language>${meta.language()}</dc:language>
<#list meta.authors() as a><dc:creator id="creator-${a?index + 1}">${a}</dc:creator>
<meta refines="#creator-${a?index + 1}" property="role" scheme="marc:relators">aut</meta>
</#list>
<dc:date>${meta.date().toString()}</dc:date>
<#if publisher?has_content>
<dc:publisher>${publisher}</dc:publisher>
</#if>
<#if meta.rights()?has_content><dc:rights>${meta.rights()}</dc:rights></#if>
<#if meta.license()?has_content><link rel="dcterms:license" href="${meta.license()}"/></#if>
<#if meta.description()?has_content><dc:description>${meta.description()}</dc:description></#if>
<#if printSource?has_content><#-- where the page-break markers and the page list come from (EPUB Accessibility 1.1: pageBreakSource) -->
<dc:source id="print-source">${printSource}</dc:source>
<meta refines="#print-source" property="source-of">pagination</meta>
<meta property="pageBreakSource">${printSource}</meta>
</#if>
<meta property="dcterms:modified">${modified}</meta>
<#list accessibility.modes as m><meta property="schema:accessMode">${m}</meta>
</#list><#list accessibility.sufficient as m><meta property="schema:accessModeSufficient">${m}</meta>
</#list><#list accessibility.features as f><meta property="schema:accessibilityFeature">${f}</meta>
</#list><#list accessibility.hazards as h><meta property="schema:accessibilityHazard">${h}</meta>
</#list><meta property="schema:accessibilitySummary">${accessibility.summary}</meta>
<#if cover??><meta name="cover" content="${cover.id}"/></#if>
</metadata>
<manifest>
<#list items as i><item id="${i.id}" href="${i.href}" media-type="${i.mediaType}"<#if i.properties?has_content> properties="${i.properties}"</#if>/>
</#list></manifest>
<spine toc="ncx">
<#list spine as s><itemref idref="${s}"/>
</#list></spine>
</package>
