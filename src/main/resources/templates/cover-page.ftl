<#-- The EPUB's first page: the cover image, alone, as large as the screen allows. -->
<#import "lib/cover.ftl" as c>
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${meta.language()}" xml:lang="${meta.language()}">
<head>
<meta charset="UTF-8"/>
<title>Cover</title>
<style>
body { margin: 0; padding: 0; text-align: center; }
img { max-width: 100%; max-height: 100vh; height: auto; }
</style>
</head>
<body epub:type="cover">
<section epub:type="cover" class="cover">
<img role="doc-cover" src="${cover.image}" width="${cover.width}" height="${cover.height}" alt="${c.alt(meta)}"/>
</section>
</body>
</html>
