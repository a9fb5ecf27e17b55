// Conformance adapter for Alibaba Cloud's Go SDK v1 (github.com/aliyun/aliyun-oss-go-sdk/oss), as Debian packages
// it (golang-github-aliyun-aliyun-oss-go-sdk-dev, 1.5.0). Built with Debian's golang-go alone, against
// /usr/share/gocode (GOPATH mode, no module proxy): see conformance/src/drivers/go-v1.ts.
//
// Speaks the suite's line-delimited JSON over stdio (conformance/README.md, "Adapter protocol"):
//
//	stdin : {"id": 1, "api": "CopyObject", "params": {...camelCase fields; bytes as "bodyBase64"...}}
//	stdout: {"id": 1, "status": 200, "code": "...", "message": "...", "ec": "...", "requestId": "...",
//	         "headers": {...}, "bodyBase64": "...", "data": {...}}
//	        or {"id": 1, "unsupported": "reason"} or {"id": 1, "clientError": "..."}
//
// The first line it prints is {"ready": true, "sdk": "aliyun-oss-go-sdk"}. Configuration comes from the
// environment: OSS_ENDPOINT, OSS_REGION, OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET (and OSS_REGION_2 /
// OSS_ENDPOINT_2). Every call goes through the SDK's own exported calls (Client.CreateBucket, Bucket.DoPutObject,
// Bucket.CopyObjectFrom, Bucket.UploadPartCopy …); what 1.5.0 has no call or option for, the TypeScript side
// reports as a scenario it cannot express before anything is sent (go-v1.ts `cannot`).
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/aliyun/aliyun-oss-go-sdk/oss"
)

type params struct {
	Bucket             string            `json:"bucket"`
	Key                string            `json:"key"`
	BodyBase64         *string           `json:"bodyBase64"`
	Region             string            `json:"region"`
	ACL                string            `json:"acl"`
	ContentType        string            `json:"contentType"`
	CacheControl       string            `json:"cacheControl"`
	ContentDisposition string            `json:"contentDisposition"`
	ContentEncoding    string            `json:"contentEncoding"`
	Expires            string            `json:"expires"`
	Metadata           map[string]string `json:"metadata"`
	ServerSideEnc      string            `json:"serverSideEncryption"`
	StorageClass       string            `json:"storageClass"`
	SourceBucket       string            `json:"sourceBucket"`
	SourceKey          string            `json:"sourceKey"`
	MetadataDirective  string            `json:"metadataDirective"`
	IfMatch            string            `json:"ifMatch"`
	IfNoneMatch        string            `json:"ifNoneMatch"`
	IfModifiedSince    string            `json:"ifModifiedSince"`
	IfUnmodifiedSince  string            `json:"ifUnmodifiedSince"`
	ContentMD5         string            `json:"contentMd5"`
	RangeHeader        string            `json:"rangeHeader"`
	Prefix             string            `json:"prefix"`
	Delimiter          string            `json:"delimiter"`
	Marker             string            `json:"marker"`
	MaxKeys            *int              `json:"maxKeys"`
	UploadID           string            `json:"uploadId"`
	PartNumber         int               `json:"partNumber"`
	SourceRange        string            `json:"sourceRange"`
	Parts              []struct {
		PartNumber int    `json:"partNumber"`
		ETag       string `json:"etag"`
	} `json:"parts"`
	// The documents.ts APIs' fields, PY2's request models in camelCase (conformance/src/documents.ts).
	Request struct {
		Target               string `json:"target"`
		WebsiteConfiguration struct {
			IndexDocument struct {
				Suffix string `json:"suffix"`
			} `json:"indexDocument"`
			ErrorDocument struct {
				Key string `json:"key"`
			} `json:"errorDocument"`
		} `json:"websiteConfiguration"`
		BucketLoggingStatus struct {
			LoggingEnabled *struct {
				TargetBucket string `json:"targetBucket"`
				TargetPrefix string `json:"targetPrefix"`
			} `json:"loggingEnabled"`
		} `json:"bucketLoggingStatus"`
	} `json:"request"`
}

type request struct {
	ID     int    `json:"id"`
	API    string `json:"api"`
	Params params `json:"params"`
}

type reply map[string]interface{}

var clients = map[string]*oss.Client{}

// recorder sees every response the SDK's own transport receives. 1.5.0's calls drop the response they parse
// (PutObject returns only an error, CopyObject only its XML result, no call returns the x-oss-request-id), so
// without it a driver could assert nothing about status codes or headers. It changes nothing the SDK sends or
// parses: it hands each request to the SDK's transport and each response back unchanged, keeping a reference.
// Calls run one at a time, so the last response seen is the answer to the current call.
type recorder struct{ inner http.RoundTripper }

var last *http.Response

func (r recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.inner.RoundTrip(req)
	if err == nil {
		last = resp
	}
	return resp, err
}

// observe wraps the transport of the client's Conn. Conn keeps its *http.Client unexported (conn.go) and the SDK
// has no option to supply one, so the field is reached through reflection.
func observe(c *oss.Client) {
	field := reflect.ValueOf(c.Conn).Elem().FieldByName("client")
	hc := *(**http.Client)(unsafe.Pointer(field.UnsafeAddr()))
	hc.Transport = recorder{inner: hc.Transport}
}

func client(region string) (*oss.Client, error) {
	if region == "" {
		region = os.Getenv("OSS_REGION")
	}
	if c, ok := clients[region]; ok {
		return c, nil
	}
	endpoint := os.Getenv("OSS_ENDPOINT")
	if region == os.Getenv("OSS_REGION_2") && os.Getenv("OSS_ENDPOINT_2") != "" {
		endpoint = os.Getenv("OSS_ENDPOINT_2")
	}
	c, err := oss.New(endpoint, os.Getenv("OSS_ACCESS_KEY_ID"), os.Getenv("OSS_ACCESS_KEY_SECRET"))
	if err != nil {
		return nil, err
	}
	observe(c)
	clients[region] = c
	return c, nil
}

func lowerHeaders(h http.Header) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[strings.ToLower(k)] = strings.Join(v, ", ")
	}
	return out
}

func httpDate(s string) (time.Time, error) { return http.ParseTime(s) }

// objectOptions: the PutObject / InitiateMultipartUpload / CopyObject headers 1.5.0 has options for.
func objectOptions(p params) ([]oss.Option, error) {
	var o []oss.Option
	if p.ContentType != "" {
		o = append(o, oss.ContentType(p.ContentType))
	}
	if p.CacheControl != "" {
		o = append(o, oss.CacheControl(p.CacheControl))
	}
	if p.ContentDisposition != "" {
		o = append(o, oss.ContentDisposition(p.ContentDisposition))
	}
	if p.ContentEncoding != "" {
		o = append(o, oss.ContentEncoding(p.ContentEncoding))
	}
	if p.Expires != "" {
		t, err := httpDate(p.Expires)
		if err != nil {
			return nil, err
		}
		o = append(o, oss.Expires(t))
	}
	for k, v := range p.Metadata {
		o = append(o, oss.Meta(k, v))
	}
	if p.ACL != "" {
		o = append(o, oss.ObjectACL(oss.ACLType(p.ACL)))
	}
	if p.ServerSideEnc != "" {
		o = append(o, oss.ServerSideEncryption(p.ServerSideEnc))
	}
	return o, nil
}

// readOptions: GetObject / HeadObject conditions and range.
func readOptions(p params) ([]oss.Option, error) {
	var o []oss.Option
	if p.RangeHeader != "" {
		o = append(o, oss.NormalizedRange(strings.TrimPrefix(p.RangeHeader, "bytes=")))
	}
	if p.IfMatch != "" {
		o = append(o, oss.IfMatch(p.IfMatch))
	}
	if p.IfNoneMatch != "" {
		o = append(o, oss.IfNoneMatch(p.IfNoneMatch))
	}
	if p.IfModifiedSince != "" {
		t, err := httpDate(p.IfModifiedSince)
		if err != nil {
			return nil, err
		}
		o = append(o, oss.IfModifiedSince(t))
	}
	if p.IfUnmodifiedSince != "" {
		t, err := httpDate(p.IfUnmodifiedSince)
		if err != nil {
			return nil, err
		}
		o = append(o, oss.IfUnmodifiedSince(t))
	}
	return o, nil
}

// copyConditions: CopyObject / UploadPartCopy source conditions (x-oss-copy-source-if-*).
func copyConditions(p params) ([]oss.Option, error) {
	var o []oss.Option
	if p.IfMatch != "" {
		o = append(o, oss.CopySourceIfMatch(p.IfMatch))
	}
	if p.IfNoneMatch != "" {
		o = append(o, oss.CopySourceIfNoneMatch(p.IfNoneMatch))
	}
	if p.IfModifiedSince != "" {
		t, err := httpDate(p.IfModifiedSince)
		if err != nil {
			return nil, err
		}
		o = append(o, oss.CopySourceIfModifiedSince(t))
	}
	if p.IfUnmodifiedSince != "" {
		t, err := httpDate(p.IfUnmodifiedSince)
		if err != nil {
			return nil, err
		}
		o = append(o, oss.CopySourceIfUnmodifiedSince(t))
	}
	return o, nil
}

func body(p params) []byte {
	if p.BodyBase64 == nil {
		return nil
	}
	b, _ := base64.StdEncoding.DecodeString(*p.BodyBase64)
	return b
}

// OSS dates as the other drivers report them (ISO 8601 with milliseconds, UTC).
func isoDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func imur(p params) oss.InitiateMultipartUploadResult {
	return oss.InitiateMultipartUploadResult{Bucket: p.Bucket, Key: p.Key, UploadID: p.UploadID}
}

var sourceRange = regexp.MustCompile(`^bytes=(\d+)-(\d+)$`)

func call(api string, p params) (reply, error) {
	c, err := client(p.Region)
	if err != nil {
		return nil, err
	}
	last = nil
	out := reply{}
	var data map[string]interface{}
	var bucket *oss.Bucket
	if p.Bucket != "" {
		if bucket, err = c.Bucket(p.Bucket); err != nil {
			return nil, err
		}
	}
	switch api {
	case "PutBucket":
		var o []oss.Option
		if p.ACL != "" {
			o = append(o, oss.ACL(oss.ACLType(p.ACL)))
		}
		if p.StorageClass != "" {
			o = append(o, oss.StorageClass(oss.StorageClassType(p.StorageClass)))
		}
		err = c.CreateBucket(p.Bucket, o...)
	case "DeleteBucket":
		err = c.DeleteBucket(p.Bucket)
	case "GetBucketInfo":
		var r oss.GetBucketInfoResult
		if r, err = c.GetBucketInfo(p.Bucket); err == nil {
			i := r.BucketInfo
			data = map[string]interface{}{"name": i.Name, "location": i.Location, "storageClass": i.StorageClass, "acl": i.ACL}
		}
	case "GetBucketLocation":
		var loc string
		if loc, err = c.GetBucketLocation(p.Bucket); err == nil {
			data = map[string]interface{}{"location": loc}
		}
	case "PutBucketAcl":
		err = c.SetBucketACL(p.Bucket, oss.ACLType(p.ACL))
	case "GetBucketAcl":
		var r oss.GetBucketACLResult
		if r, err = c.GetBucketACL(p.Bucket); err == nil {
			data = map[string]interface{}{"acl": r.ACL}
		}
	case "PutObject":
		var o []oss.Option
		if o, err = objectOptions(p); err != nil {
			return nil, err
		}
		if p.ContentMD5 != "" {
			o = append(o, oss.ContentMD5(p.ContentMD5))
		}
		err = bucket.PutObject(p.Key, bytes.NewReader(body(p)), o...)
	case "GetObject":
		var o []oss.Option
		if o, err = readOptions(p); err != nil {
			return nil, err
		}
		var r io.ReadCloser
		if r, err = bucket.GetObject(p.Key, o...); err == nil {
			b, rerr := ioutil.ReadAll(r)
			r.Close()
			if rerr != nil {
				return nil, rerr
			}
			out["bodyBase64"] = base64.StdEncoding.EncodeToString(b)
		}
	case "HeadObject":
		var o []oss.Option
		if o, err = readOptions(p); err != nil {
			return nil, err
		}
		_, err = bucket.GetObjectDetailedMeta(p.Key, o...)
	case "DeleteObject":
		err = bucket.DeleteObject(p.Key)
	case "CopyObject":
		var o, cond []oss.Option
		if o, err = objectOptions(p); err != nil {
			return nil, err
		}
		if cond, err = copyConditions(p); err != nil {
			return nil, err
		}
		o = append(o, cond...)
		if p.MetadataDirective != "" {
			o = append(o, oss.MetadataDirective(oss.MetadataDirectiveType(p.MetadataDirective)))
		}
		src := p.SourceBucket
		if src == "" {
			src = p.Bucket
		}
		var r oss.CopyObjectResult
		if src == p.Bucket {
			r, err = bucket.CopyObject(p.SourceKey, p.Key, o...)
		} else {
			r, err = bucket.CopyObjectFrom(src, p.SourceKey, p.Key, o...)
		}
		if err == nil {
			data = map[string]interface{}{"etag": r.ETag, "lastModified": isoDate(r.LastModified)}
		}
	case "PutObjectAcl":
		err = bucket.SetObjectACL(p.Key, oss.ACLType(p.ACL))
	case "GetObjectAcl":
		var r oss.GetObjectACLResult
		if r, err = bucket.GetObjectACL(p.Key); err == nil {
			data = map[string]interface{}{"acl": r.ACL}
		}
	case "ListObjects":
		var o []oss.Option
		if p.Prefix != "" {
			o = append(o, oss.Prefix(p.Prefix))
		}
		if p.Delimiter != "" {
			o = append(o, oss.Delimiter(p.Delimiter))
		}
		if p.Marker != "" {
			o = append(o, oss.Marker(p.Marker))
		}
		if p.MaxKeys != nil {
			o = append(o, oss.MaxKeys(*p.MaxKeys))
		}
		// ListObjects always asks for encoding-type=url and decodes what comes back (bucket.go).
		var r oss.ListObjectsResult
		if r, err = bucket.ListObjects(o...); err == nil {
			contents := []map[string]interface{}{}
			for _, x := range r.Objects {
				contents = append(contents, map[string]interface{}{"key": x.Key, "size": x.Size, "etag": x.ETag, "objectType": x.Type, "storageClass": x.StorageClass, "owner": x.Owner.ID != ""})
			}
			prefixes := r.CommonPrefixes
			if prefixes == nil {
				prefixes = []string{}
			}
			data = map[string]interface{}{"contents": contents, "commonPrefixes": prefixes, "isTruncated": r.IsTruncated, "maxKeys": r.MaxKeys}
			if r.NextMarker != "" {
				data["nextMarker"] = r.NextMarker
			}
		}
	case "InitiateMultipartUpload":
		var o []oss.Option
		if o, err = objectOptions(p); err != nil {
			return nil, err
		}
		var r oss.InitiateMultipartUploadResult
		if r, err = bucket.InitiateMultipartUpload(p.Key, o...); err == nil {
			data = map[string]interface{}{"uploadId": r.UploadID}
		}
	case "UploadPart":
		var o []oss.Option
		if p.ContentMD5 != "" {
			o = append(o, oss.ContentMD5(p.ContentMD5))
		}
		b := body(p)
		var r oss.UploadPart
		if r, err = bucket.UploadPart(imur(p), bytes.NewReader(b), int64(len(b)), p.PartNumber, o...); err == nil {
			data = map[string]interface{}{"etag": r.ETag}
		}
	case "UploadPartCopy":
		m := sourceRange.FindStringSubmatch(p.SourceRange)
		if m == nil {
			return reply{"unsupported": "UploadPartCopy takes a start and a size: it always sends bytes=a-b"}, nil
		}
		start, _ := strconv.ParseInt(m[1], 10, 64)
		end, _ := strconv.ParseInt(m[2], 10, 64)
		var o []oss.Option
		if o, err = copyConditions(p); err != nil {
			return nil, err
		}
		src := p.SourceBucket
		if src == "" {
			src = p.Bucket
		}
		var r oss.UploadPart
		if r, err = bucket.UploadPartCopy(imur(p), src, p.SourceKey, start, end-start+1, p.PartNumber, o...); err == nil {
			data = map[string]interface{}{"etag": r.ETag}
		}
	case "CompleteMultipartUpload":
		parts := []oss.UploadPart{}
		for _, x := range p.Parts {
			parts = append(parts, oss.UploadPart{PartNumber: x.PartNumber, ETag: x.ETag})
		}
		var r oss.CompleteMultipartUploadResult
		if r, err = bucket.CompleteMultipartUpload(imur(p), parts); err == nil {
			data = map[string]interface{}{"etag": r.ETag}
		}
	case "AbortMultipartUpload":
		err = bucket.AbortMultipartUpload(imur(p))
	case "ListParts":
		var r oss.ListUploadedPartsResult
		if r, err = bucket.ListUploadedParts(imur(p)); err == nil {
			parts := []map[string]interface{}{}
			for _, x := range r.UploadedParts {
				parts = append(parts, map[string]interface{}{"partNumber": x.PartNumber, "etag": x.ETag, "size": x.Size})
			}
			data = map[string]interface{}{"parts": parts, "isTruncated": r.IsTruncated}
			if n, perr := strconv.Atoi(r.NextPartNumberMarker); perr == nil {
				data["nextPartNumberMarker"] = n
			}
		}
	case "ListMultipartUploads":
		var r oss.ListMultipartUploadResult
		if r, err = bucket.ListMultipartUploads(oss.MaxUploads(1000)); err == nil {
			uploads := []map[string]interface{}{}
			for _, u := range r.Uploads {
				uploads = append(uploads, map[string]interface{}{"key": u.Key, "uploadId": u.UploadID})
			}
			data = map[string]interface{}{"uploads": uploads}
		}
	case "PutBucketWebsite":
		w := p.Request.WebsiteConfiguration
		err = c.SetBucketWebsite(p.Bucket, w.IndexDocument.Suffix, w.ErrorDocument.Key)
	case "GetBucketWebsite":
		var r oss.GetBucketWebsiteResult
		if r, err = c.GetBucketWebsite(p.Bucket); err == nil {
			w := map[string]interface{}{}
			if r.IndexDocument.Suffix != "" {
				w["indexDocument"] = map[string]interface{}{"suffix": r.IndexDocument.Suffix}
			}
			if r.ErrorDocument.Key != "" {
				w["errorDocument"] = map[string]interface{}{"key": r.ErrorDocument.Key}
			}
			data = map[string]interface{}{"result": map[string]interface{}{"websiteConfiguration": w}}
		}
	case "DeleteBucketWebsite":
		err = c.DeleteBucketWebsite(p.Bucket)
	case "PutBucketLogging":
		// SetBucketLogging(bucket, target, prefix, isEnable): no LoggingEnabled is the empty status (logging off).
		l := p.Request.BucketLoggingStatus.LoggingEnabled
		if l != nil {
			err = c.SetBucketLogging(p.Bucket, l.TargetBucket, l.TargetPrefix, true)
		} else {
			err = c.SetBucketLogging(p.Bucket, "", "", false)
		}
	case "GetBucketLogging":
		var r oss.GetBucketLoggingResult
		if r, err = c.GetBucketLogging(p.Bucket); err == nil {
			status := map[string]interface{}{}
			if r.LoggingEnabled.TargetBucket != "" {
				status["loggingEnabled"] = map[string]interface{}{"targetBucket": r.LoggingEnabled.TargetBucket, "targetPrefix": r.LoggingEnabled.TargetPrefix}
			}
			data = map[string]interface{}{"result": map[string]interface{}{"bucketLoggingStatus": status}}
		}
	case "DeleteBucketLogging":
		err = c.DeleteBucketLogging(p.Bucket)
	case "PutSymlink":
		err = bucket.PutSymlink(p.Key, p.Request.Target)
	case "GetSymlink":
		var h http.Header
		// GetSymlink hands the target over QueryUnescape'd (bucket.go).
		if h, err = bucket.GetSymlink(p.Key); err == nil {
			data = map[string]interface{}{"result": map[string]interface{}{"target": h.Get("X-Oss-Symlink-Target"), "etag": h.Get("Etag")}}
		}
	default:
		return reply{"unsupported": "the Go SDK v1 1.5.0 has no call for " + api}, nil
	}
	if err != nil {
		return serviceError(err)
	}
	if last == nil {
		return nil, fmt.Errorf("%s returned no error but no response was seen", api)
	}
	out["status"] = last.StatusCode
	out["headers"] = lowerHeaders(last.Header)
	out["requestId"] = last.Header.Get("X-Oss-Request-Id")
	if data != nil {
		out["data"] = data
	}
	return out, nil
}

var statusInText = regexp.MustCompile(`^oss: service returned (?:without a response body \()?(\d{3})`)

// The EC is not a ServiceError field in 1.5.0; the SDK keeps the error document it parsed in RawMessage.
type errorDocument struct {
	EC string `xml:"EC"`
}

// serviceError turns what the SDK returned into the answer: a ServiceError (an error document), the SDK's error
// for a 3xx or a body-less 4xx/5xx (a HEAD), whose text is all it keeps of the status, or a refusal of its own.
func serviceError(err error) (reply, error) {
	out := reply{}
	if last != nil {
		out["headers"] = lowerHeaders(last.Header)
		out["requestId"] = last.Header.Get("X-Oss-Request-Id")
		out["ec"] = last.Header.Get("X-Oss-Ec")
	}
	switch e := err.(type) {
	case oss.ServiceError:
		out["status"], out["code"], out["message"] = e.StatusCode, e.Code, e.Message
		var doc errorDocument
		if xml.Unmarshal([]byte(e.RawMessage), &doc) == nil && doc.EC != "" {
			out["ec"] = doc.EC
		}
		return out, nil
	case oss.UnexpectedStatusCodeError:
		out["status"] = e.Got()
		return out, nil
	}
	if m := statusInText.FindStringSubmatch(err.Error()); m != nil {
		out["status"], _ = strconv.Atoi(m[1])
		// A HEAD error has no body; OSS sends the error document base64-encoded in x-oss-err instead. 1.5.0 predates
		// that header and reports only the status, so the adapter reads it: what the code then says comes from the
		// server's header, not from the SDK.
		if last != nil {
			if raw, derr := base64.StdEncoding.DecodeString(last.Header.Get("X-Oss-Err")); derr == nil && len(raw) > 0 {
				var doc oss.ServiceError
				if xml.Unmarshal(raw, &doc) == nil {
					out["code"], out["message"] = doc.Code, doc.Message
				}
			}
		}
		return out, nil
	}
	return reply{"clientError": err.Error()}, nil
}

func main() {
	out := json.NewEncoder(os.Stdout)
	out.Encode(reply{"ready": true, "sdk": "aliyun-oss-go-sdk"})
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<30) // bodies come base64-encoded on one line
	for in.Scan() {
		line := in.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var req request
		var r reply
		if err := json.Unmarshal(line, &req); err != nil {
			r = reply{"clientError": fmt.Sprintf("bad request line: %v", err)}
		} else if res, err := call(req.API, req.Params); err != nil {
			r = reply{"clientError": err.Error()}
		} else {
			r = res
		}
		r["id"] = req.ID
		out.Encode(r)
	}
}
