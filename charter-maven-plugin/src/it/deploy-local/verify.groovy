import groovy.json.JsonSlurper

def local = new File(basedir, 'target/charter/local')
assert new File(local, 'bucket/g/smith-trip.html').text.contains('Welcome aboard, Jane')
assert new File(local, 'bucket/g/smith-trip.ics').isFile()
assert new File(local, 'bucket/sitemap.xml').isFile()
assert new File(local, 'cloudfront/path-rewriter.js').text.contains('function handler(event)')
assert new File(basedir, 'target/charter/plan.md').text.contains('Nothing to do: the site, JADA and SCC are up to date.')

// JADA and SCC: the sandbox holds one entry each, with the contract's bodies; the ledger names them.
// Each system's state is a snapshot (absent until the first compaction) plus a journal of puts and removes since.
def entries = { String system ->
    def snapshot = new File(local, "sandbox/${system}.json")
    def entries = snapshot.isFile() ? (new JsonSlurper().parse(snapshot).entries ?: [:]) : [:]
    def journal = new File(local, "sandbox/${system}.journal.jsonl")
    if (journal.isFile()) {
        journal.eachLine { line ->
            def change = new JsonSlurper().parseText(line)
            if (change.put && change.put[0] == 'entries') entries[change.put[1]] = change.value
            if (change.remove && change.remove[0] == 'entries') entries.remove(change.remove[1])
        }
    }
    entries.values() as List
}
def jada = entries('jada')
def scc = entries('scc')
assert jada.size() == 1 && scc.size() == 1
assert jada[0].title == '3hr Charter - Boatsetter' && jada[0].date == '2024-05-30' && jada[0].start_time == '10:00'
assert jada[0].notes == 'Guest: Jane Smith, Boatsetter ID: BS-48213\nSECRET-INTERNAL-NOTE'
assert scc[0].crew == ['maria_lopez'] && scc[0].external_id == 'BS-48213'
def ledger = new JsonSlurper().parse(new File(local, 'bucket/.charter/ledger.json'))
assert ledger.bookings['BS-48213'].jada.id == jada[0].id
assert !new File(local, 'bucket/.charter/lock.json').exists()

def log = new File(basedir, 'build.log').text
assert log.contains('deployed to local directory')
assert log.contains('uploaded 0 (0 bytes), deleted 0, invalidated 0 paths')
assert log.contains('JADA/SCC: created 2, updated 0, deleted 0')
assert log.contains('JADA/SCC: created 0, updated 0, deleted 0')
assert log.contains('JADA {}, SCC {}, ledger writes 0')

// Internal notes and the guest's full name go to JADA and SCC only: never into the site or any object in the bucket,
// the deploy records under .charter/ included.
[new File(basedir, 'target/charter/site'), new File(local, 'bucket')].each { dir ->
    dir.eachFileRecurse { f ->
        if (f.isFile()) assert !f.text.contains('SECRET-INTERNAL-NOTE') && !f.text.contains('Jane Smith') : f
    }
}
true
