<#-- The generated cover, drawn when the book brings no cover image of its own. The drawing is ${width} units
     wide and ${height} high whatever the pixel size (the e-book cover is 2:3, the print cover has the page's
     proportions). Colours come from cover.css (given as `css`, after the font declarations); fonts are the
     book's Liberation faces. `fit.fit(text, family, weight, style, boxWidth, maxSize, minSize, maxLines)`
     measures with the same font the text is drawn in and returns the type size and the lines.
     `publisher` (the manifest's publisher, "" for none) and `logo` (null for none; `logo.href` is the file as a
     data: URL, `logo.aspect` its width over its height) make the institution's row at the foot of the cover.
     An <image> may also name a file in the book's folder (href="images/crest.png"): the build puts it into the SVG. -->
<#assign W = width H = height M = 90 BOX = width - 2 * M>
<#assign authors = fit.fit(meta.authors()?join(" · ")?upper_case, "Liberation Sans", 700, "normal", BOX, 30, 20, 2)>
<#assign title = fit.fit(meta.title(), "Liberation Sans", 700, "normal", BOX, 150, 64, 4)>
<#assign sub = fit.fit(meta.subtitle(), "Liberation Serif", 400, "italic", BOX, 54, 32, 4)>
<#assign authorsEnd = M + authors.size() * 0.8 + (authors.lines()?size - 1) * authors.size() * 1.25>
<#assign titleTop = [H * 0.27, authorsEnd + 120]?max>
<#assign titleEnd = titleTop + (title.lines()?size - 1) * title.size() * 1.02>
<#assign barY = titleEnd + title.size() * 0.45>
<#assign subTop = barY + 40 + sub.size()>
<#-- the institution's row: the logo on a light plate at the bottom left, the publisher beside it -->
<#assign P = 14 LH = 96 LMAX = 300 rowBottom = H - 72>
<#if logo??>
<#assign lw = [LH * logo.aspect, LMAX]?min lh = lw / logo.aspect>
<#assign plateW = lw + 2 * P plateH = lh + 2 * P>
<#assign plateY = rowBottom - plateH>
</#if>
<#if publisher?has_content>
<#assign pubX = logo???then(M + plateW + 28, M)>
<#assign pub = fit.fit(publisher, "Liberation Sans", 700, "normal", W - M - pubX, 34, 20, 3)>
<#assign pubMid = logo???then(plateY + plateH / 2, rowBottom - 20)>
<#assign pubFirst = pubMid - (pub.lines()?size - 1) * pub.size() * 1.2 / 2 + pub.size() * 0.35>
</#if>
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${pixelWidth}" height="${pixelHeight}" viewBox="0 0 ${W} ${H}">
<title>${meta.title()}</title>
<style type="text/css"><![CDATA[
${css?no_esc}
]]></style>
<rect class="ground" x="0" y="0" width="${W}" height="${H}"/>
<circle class="shade" cx="${W * 0.82}" cy="${H - 190}" r="430"/>
<circle class="shade-deep" cx="${W * 0.82}" cy="${H - 190}" r="250"/>
<polygon class="accent" points="0,${H - 250} ${W},${H - 560} ${W},${H - 530} 0,${H - 220}"/>
<#list authors.lines() as line>
<text class="authors" x="${M}" y="${M + authors.size() * 0.8 + line?index * authors.size() * 1.25}" font-family="Liberation Sans" font-weight="700" font-size="${authors.size()}">${line}</text>
</#list>
<rect class="rule" x="${M}" y="${authorsEnd + 26}" width="${BOX}" height="3"/>
<#list title.lines() as line>
<text class="title" x="${M - title.size() * 0.04}" y="${titleTop + line?index * title.size() * 1.02}" font-family="Liberation Sans" font-weight="700" font-size="${title.size()}">${line}</text>
</#list>
<rect class="accent" x="${M}" y="${barY}" width="160" height="14"/>
<#list sub.lines() as line>
<text class="subtitle" x="${M}" y="${subTop + line?index * sub.size() * 1.22}" font-family="Liberation Serif" font-style="italic" font-size="${sub.size()}">${line}</text>
</#list>
<#if logo??>
<rect class="logo-plate" x="${M}" y="${plateY}" width="${plateW}" height="${plateH}" rx="8"/>
<image x="${M + P}" y="${plateY + P}" width="${lw}" height="${lh}" preserveAspectRatio="xMidYMid meet" xlink:href="${logo.href}"/>
</#if>
<#if publisher?has_content>
<#list pub.lines() as line>
<text class="publisher" x="${pubX}" y="${pubFirst + line?index * pub.size() * 1.2}" font-family="Liberation Sans" font-weight="700" font-size="${pub.size()}">${line}</text>
</#list>
</#if>
</svg>
