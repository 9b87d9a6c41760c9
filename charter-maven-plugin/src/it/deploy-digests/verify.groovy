// The first deploy read the booking file and stored its digest; the second, with the file unchanged, planned from the
// digest without reading it, and found nothing to do.
def local = new File(basedir, 'target/charter/local')
def digests = new File(local, 'bucket/.charter/booking-digests.json').text
assert digests.contains('BS-50117') && digests.contains('x7kq2mzp9w')
assert !digests.contains('Ana') && !digests.contains('Lopez') && !digests.contains('SECRET-INTERNAL-NOTE')

def log = new File(basedir, 'build.log').text
assert log.contains('JADA/SCC: created 2, updated 0, deleted 0')
assert log.contains('read 0 of 1 booking files; 1 unchanged since the last deploy came from its digests (booking-digests.json)')
assert log.contains('uploaded 0 (0 bytes), deleted 0, invalidated 0 paths, unchanged')
assert log.contains('JADA/SCC: created 0, updated 0, deleted 0')
true
