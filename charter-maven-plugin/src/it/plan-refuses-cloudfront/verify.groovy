def log = new File(basedir, 'build.log').text
assert log.contains("charter.jada.endpoint 'https://d111abcdef8.cloudfront.net/prod' is a CloudFront distribution")
assert log.contains('use the API Gateway URL instead')
assert !log.contains('\tat ') : 'no stack trace'
true
