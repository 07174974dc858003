<?xml version="1.0" encoding="UTF-8"?>
<!--
  The bag's texts that come from the header: README.txt for the archive's curators (what
  each file is, how it was made, the licence) and the header's part of bag-info.txt (rows
  with @bag; src/deposit/bag-info.ts adds the sizes and the software and wraps long lines).
  The list of files and what each is comes from the parameter payload ("path<TAB>what it is",
  from src/deposit/payload.ts), which knows what the build made.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:dep="urn:x-tei-pipeline:deposit"
  exclude-result-prefixes="#all">

  <!-- Text wrapped at 78 characters, each line indented by $indent spaces. -->
  <xsl:function name="dep:wrap-text" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:param name="indent" as="xs:integer"/>
    <xsl:variable name="pad" select="string-join((for $i in 1 to $indent return ' '), '')"/>
    <xsl:variable name="lines" select="tokenize(replace(normalize-space($text), concat('(.{1,', 78 - $indent, '})(\s+|$)'), '$1&#10;'), '&#10;')[. != '']"/>
    <xsl:sequence select="string-join($lines ! concat($pad, .), '&#10;')"/>
  </xsl:function>

  <xsl:function name="dep:readme" as="xs:string">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:param name="payload" as="xs:string*"/>
    <xsl:param name="tool" as="xs:string"/>
    <xsl:variable name="id" select="string($facts('id'))"/>
    <xsl:variable name="doi" select="dep:first('zenodo', 'doi', $facts)"/>
    <!-- The metadata files deposit.xsl writes for this document. -->
    <xsl:variable name="receivers" as="xs:string+" select="'Zenodo (zenodo.json)',
      'DataCite 4.5 (datacite.xml)'[exists(dep:first('datacite', 'identifier', $facts))],
      'Dublin Core (oai_dc.xml)',
      'correspSearch (cmif.xml)'[dep:has-letter($facts) and exists(dep:first('cmif', 'url', $facts))]"/>
    <xsl:variable name="lines" as="xs:string*" select="
      dep:wrap-text(dep:first('zenodo', 'title', $facts), 0),
      dep:rows('datacite', 'title')[@type = 'Subtitle'] ! dep:strings(., $facts) ! dep:wrap-text(., 0),
      '',
      dep:wrap-text(concat('This package is the deposit of one document of a TEI edition, a BagIt 1.0 bag',
        ' (RFC 8493) made by ', $tool, ' from the TEI document ', $id, '. This file is data/README.txt;',
        ' the files of the edition are beside it in data/ and listed below. Outside data/, bag-info.txt',
        ' describes the package, the manifests list a checksum of every file, and metadata/ describes the',
        ' edition for repositories: ', string-join(subsequence($receivers, 1, count($receivers) - 1), ', '),
        ' and ', $receivers[last()], '.', if (empty(dep:first('datacite', 'identifier', $facts)))
          then ' There is no DataCite file until the edition has a DOI, which DataCite requires: the archive that mints it makes that record.' else '',
        if (dep:has-letter($facts) and empty(dep:first('cmif', 'url', $facts)))
          then ' There is no correspSearch (CMIF) file for the letter, as the edition has no public address yet for it to name.' else ''), 0),
      '',
      concat('Identifier:  ', $id, if ($doi) then concat(' (DOI ', $doi, ')') else ' (no DOI yet: the archive mints one)'),
      concat('Publisher:   ', dep:first('datacite', 'publisher', $facts)),
      concat('Edited by:   ', string-join(dep:rows('zenodo', 'creators') ! dep:strings(., $facts), '; ')),
      concat('Date:        ', dep:first('bag', 'Bagging-Date', $facts), ' (the latest change in the TEI revisionDesc)'),
      '',
      'Licence',
      dep:rows('datacite', 'rights')[@as = 'licence'] ! dep:strings(., $facts) ! dep:wrap-text(., 2),
      dep:wrap-text(dep:first('dc', 'rights', $facts), 2),
      dep:rows('datacite', 'rights')[not(@as)] ! dep:strings(., $facts) ! dep:wrap-text(., 2),
      '',
      'How the files were made',
      dep:wrap-text(concat('The TEI document was encoded by hand. ', $tool, ' checked it (well-formed XML,',
        ' the RELAX NG schema and the Schematron rules in tei/schema/, pointers between files, dates) and',
        ' made the HTML, text and citation files from it with XSLT 3.0 stylesheets (saxon-js). The',
        ' metadata in metadata/ were made from the TEI header by the same mapping as the citation files,',
        ' so nothing in them was typed twice.'), 2),
      '',
      'Files in data/',
      $payload ! (concat('  ', substring-before(., '&#9;')), dep:wrap-text(substring-after(., '&#9;'), 6)),
      '',
      'Checking the package',
      dep:wrap-text(concat('manifest-sha256.txt and manifest-sha512.txt, at the top of the bag, list the',
        ' SHA-256 and SHA-512 checksums of every file in data/; tagmanifest-sha256.txt does the same for',
        ' bag-info.txt, the manifests and metadata/; bag-info.txt gives the number of files in data/ and',
        ' their size (Payload-Oxum). In the bag folder, `sha256sum -c manifest-sha256.txt` or',
        ' `bagit.py --validate .` checks them; so does `tei-pipeline deposit --verify FOLDER`.'), 2)"/>
    <xsl:sequence select="concat(string-join($lines, '&#10;'), '&#10;')"/>
  </xsl:function>

  <!-- "Label: value" lines of the header's part of bag-info.txt. -->
  <xsl:function name="dep:bag-info" as="xs:string">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="string-join(dep:rows('bag', ()) ! (for $v in dep:strings(., $facts)
      return concat(@bag, ': ', $v, '&#10;')), '')"/>
  </xsl:function>
</xsl:stylesheet>
