def log = new File(basedir, 'build.log').text
[
    '[ERROR] bookings/2024-05-30-smith.yaml:4:6: end 09:00 is not after start 10:00',
    "[ERROR] bookings/2024-05-30-smith.yaml:7:8: crew 'mraia' is not in the crew roster (did you mean 'maria'?)",
    "[ERROR] bookings/2024-05-30-smith.yaml:1:5: 'slug' is required; add a line like 'slug: ",
    "[ERROR] bookings/typo.yml:1:1: 'start' is required",
    "[ERROR] bookings/typo.yml:1:5: id 'BS-48213' is already used by bookings/2024-05-30-smith.yaml:1",
    "[ERROR] bookings/typo.yml:3:1: unknown key 'strat' (did you mean 'start'?)",
    '::error file=bookings/2024-05-30-smith.yaml,line=4,col=6::end 09:00 is not after start 10:00',
    'charter: 7 problems in 2 files.',
].each { assert log.contains(it) : "build.log lacks: " + it }
true
