def log = new File(basedir, 'build.log').text
assert log.contains('JADA GET /calendar?external_id=BS-48213 failed: ConnectException')
assert log.contains('(tried 5 times). Run the deploy again when JADA is reachable')
assert !log.contains('tok-7c1d5e0b9a2f')
new File(basedir, 'target/charter').eachFileRecurse { f ->
    if (f.isFile()) assert !f.text.contains('tok-7c1d5e0b9a2f') : f
}
// The ledger records what was under way, and the lock is released for the next run.
assert new File(basedir, 'target/charter/local/bucket/.charter/ledger.json').text.contains('BS-48213')
assert !new File(basedir, 'target/charter/local/bucket/.charter/lock.json').exists()
true
