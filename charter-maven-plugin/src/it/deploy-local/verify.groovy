def local = new File(basedir, 'target/charter/local')
assert new File(local, 'bucket/g/smith-trip.html').text.contains('Welcome aboard, Jane')
assert new File(local, 'bucket/g/smith-trip.ics').isFile()
assert new File(local, 'bucket/sitemap.xml').isFile()
assert new File(local, 'cloudfront/path-rewriter.js').text.contains('function handler(event)')
assert new File(basedir, 'target/charter/plan.md').text.contains('Nothing to do: the site is up to date.')
def log = new File(basedir, 'build.log').text
assert log.contains('deployed to local directory')
assert log.contains('uploaded 0 (0 bytes), deleted 0, invalidated 0 paths')
new File(basedir, 'target/charter').eachFileRecurse { f ->
    if (f.isFile()) assert !f.text.contains('SECRET-INTERNAL-NOTE') : f
}
true
