using AutoMapper;

namespace OnlineJudge.Services.Common;

public class EnvelopeProfile : Profile
{
    public EnvelopeProfile()
    {
        CreateMap(typeof(ServiceResult<>), typeof(Envelope)).ConvertUsing(typeof(ServiceResultToEnvelope<>));
        CreateMap<ServiceResult, Envelope>().ConvertUsing(result => result.Error != null ? Envelope.Of(result.Error) : new Envelope());
        CreateMap<ServiceError, Envelope>().ConvertUsing(error => Envelope.Of(error));
    }
}

public class ServiceResultToEnvelope<T> : ITypeConverter<ServiceResult<T>, Envelope>
{
    public Envelope Convert(ServiceResult<T> source, Envelope destination, ResolutionContext context) =>
        source.Error is { } error ? Envelope.Of(error) : new Envelope { Data = source.Data };
}
